// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Collections.Generic;
using System.IO;
using TinTin.Bench.Models;
using TinTin.Data;
using TinTin.Description;
using TinTin.Firmware.Core.Learning;
using ModelCatalog = TinTin.Bench.Models.ModelCatalog;
using TinTin.Sensors.Acquisition;
using TinTin.Sensors.Features;

namespace TinTin.Bench.Data;

/// <summary>
/// The CWRU task (10 classes at 0 hp, see ../shared/docs/evaluation.md) as the device would see it:
/// each recording becomes int16-range accelerometer counts, is replayed through the sensors'
/// <see cref="RecordingSource"/> and <see cref="WindowAssembler"/> exactly as a live chip is
/// windowed on the board, and each window goes through the device's integer feature code.
/// </summary>
/// <remarks>
/// Time split per recording, no leakage: training windows come from the first 70 % of the samples
/// with a hop of <see cref="TrainHop"/> (overlapping), test windows from the last 30 % without
/// overlap, and no window crosses the boundary because each part is its own replay.
/// </remarks>
public static class CwruWindows
{
    /// <summary>Samples per window (12 kHz: 85 ms).</summary>
    public const int WindowLength = 1024;

    /// <summary>Samples between training windows (overlap 3/4).</summary>
    public const int TrainHop = 256;

    /// <summary>The load of the main task, in horsepower.</summary>
    public const int LoadHp = 0;

    /// <summary>
    /// Raw windows are int8 with a per-window power-of-two exponent (block floating point); this
    /// offset makes the real value about g: one count is 488 micro-g, so 2^11 counts are 0.9994 g.
    /// </summary>
    public const int CountsLog2Unit = WindowFeatures.CountsLog2Unit;

    /// <summary>
    /// Spectrum features are 8·log2 of the band level (see <see cref="SpectrumFeatures"/>), already
    /// int8; every window has the same scale, 2^-5, so the models read log2(level) / 4 (real values
    /// of a few units, which suits the FP32 reference as much as the integer modes).
    /// </summary>
    public const int SpectrumLog2Scale = WindowFeatures.SpectrumLog2Scale;

    /// <summary>Loads the task.</summary>
    /// <param name="folder">The folder holding the CWRU .mat files and manifest.csv.</param>
    /// <param name="input">Raw windows or spectrum features.</param>
    /// <param name="log">Where notes (clipped samples) go.</param>
    /// <returns>The splits.</returns>
    public static TaskData Load(string folder, InputKind input, TextWriter log)
    {
        var train = new Builder(input);
        var test = new Builder(input);
        string[] names = CwruWindowReplay.Replay(folder, log, (isTrain, samples, label) => (isTrain ? train : test).Add(samples, label));
        return new TaskData(train.Build(), test.Build(), names, $"CWRU drive end {LoadHp} hp ({folder})");
    }

    /// <summary>Collects windows of one split as model inputs.</summary>
    private sealed class Builder(InputKind input)
    {
        private readonly List<sbyte[]> _inputs = [];
        private readonly List<int> _scales = [];
        private readonly List<int> _labels = [];
        private readonly WindowFeatures _features = new(
            input == InputKind.SpectrumFeatures ? FeatureKind.Spectrum : FeatureKind.RawWindow, WindowLength, ModelCatalog.SpectrumBands);

        public SampleSet Build()
        {
            Shape shape = input == InputKind.RawWindow ? new Shape(1, 1, WindowLength) : Shape.Vector(ModelCatalog.SpectrumBands);
            return new SampleSet(shape, [.. _inputs], [.. _scales], [.. _labels]);
        }

        public void Add(int[] samples, int label)
        {
            // The board's feature stage (firmware/Core/Learning/WindowFeatures), so bench and board read the same inputs.
            var q = new sbyte[_features.InputLength];
            int log2Scale = _features.Compute(samples, q).Pow2;
            _inputs.Add(q);
            _scales.Add(log2Scale);
            _labels.Add(label);
        }
    }
}
