// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Description;
using TinTin.Firmware.Core.Learning;

namespace TinTin.Firmware.Core.App
{
    /// <summary>
    /// What the firmware learns and how, as set in nanoFramework.json's "firmware" section (a
    /// consistency test keeps <see cref="Default"/> equal to it: the board cannot read that file).
    /// </summary>
    public sealed class FirmwareSettings
    {
        /// <summary>Gets or sets the catalog model (<see cref="ModelCatalog"/>).</summary>
        public string Model { get; set; }

        /// <summary>Gets or sets what the model reads from a window.</summary>
        public FeatureKind Feature { get; set; }

        /// <summary>Gets or sets the samples per window.</summary>
        public int WindowLength { get; set; }

        /// <summary>Gets or sets the samples between window starts.</summary>
        public int Hop { get; set; }

        /// <summary>Gets or sets the spectrum bands (for <see cref="FeatureKind.Spectrum"/>).</summary>
        public int Bands { get; set; }

        /// <summary>Gets or sets the accelerometer's output data rate.</summary>
        public int SampleRateHz { get; set; }

        /// <summary>Gets or sets the learning rate as a power of two (Tin-Tin).</summary>
        public int LearningRateLog2 { get; set; }

        /// <summary>Gets or sets the mini-batch size (1: every step updates).</summary>
        public int BatchSize { get; set; }

        /// <summary>Gets or sets the seed of the initial weights and the rounding.</summary>
        public uint Seed { get; set; }

        /// <summary>Gets or sets the time between counter reports.</summary>
        public int ReportPeriodMs { get; set; }

        /// <summary>Gets or sets how many recent labelled windows the running accuracy covers.</summary>
        public int AccuracyWindow { get; set; }

        /// <summary>Gets or sets the confidence below which a detection is unsure.</summary>
        public int NoveltyThresholdPerMille { get; set; }

        /// <summary>Gets or sets the unsure detections in a row that flag a novel condition.</summary>
        public int NoveltyRun { get; set; }

        /// <summary>Gets or sets the training steps between checkpoints (0: only on command).</summary>
        public int CheckpointInterval { get; set; }

        /// <summary>The settings in nanoFramework.json: the integer spectrum MLP on 1024-sample windows.</summary>
        /// <returns>A new settings object.</returns>
        public static FirmwareSettings Default()
        {
            FirmwareSettings s = new FirmwareSettings();
            s.Model = ModelCatalog.CwruFftMlp;
            s.Feature = FeatureKind.Spectrum;
            s.WindowLength = ModelCatalog.WindowLength;
            s.Hop = ModelCatalog.WindowLength;
            s.Bands = ModelCatalog.SpectrumBands;
            s.SampleRateHz = 3200;
            s.LearningRateLog2 = -6;
            s.BatchSize = 1;
            s.Seed = 1;
            s.ReportPeriodMs = 1000;
            s.AccuracyWindow = 100;
            s.NoveltyThresholdPerMille = 600;
            s.NoveltyRun = 3;
            s.CheckpointInterval = 500;
            return s;
        }

        /// <summary>Checks every value and the model/feature pairing.</summary>
        /// <exception cref="ArgumentException">A value is out of range, or the model does not read these features.</exception>
        public void Validate()
        {
            if (!ModelCatalog.Contains(Model))
            {
                throw new ArgumentException("unknown model " + Model);
            }

            if (WindowLength < 16 || Hop < 1 || Hop > WindowLength || SampleRateHz < 1 || BatchSize < 1 || ReportPeriodMs < 100 ||
                AccuracyWindow < 1 || NoveltyThresholdPerMille < 1 || NoveltyThresholdPerMille > 1000 || NoveltyRun < 1 || CheckpointInterval < 0)
            {
                throw new ArgumentException("a firmware setting is out of range");
            }

            int inputs = ModelCatalog.DefaultInput(Model).Size;
            int features = Feature == FeatureKind.Spectrum ? Bands : WindowLength;
            if (inputs != features)
            {
                throw new ArgumentException(Model + " reads " + inputs.ToString() + " values but the features give " + features.ToString());
            }
        }
    }
}
