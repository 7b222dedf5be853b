// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Scaling;
using TinTin.Sensors.Acquisition;
using TinTin.Training;

namespace TinTin.Firmware.Core.Learning
{
    /// <summary>
    /// The on-device learning loop, whole, in one place:
    /// <code>
    /// acquire a window  ->  features  ->  predict  ->  (label known?) train, score the prediction
    /// </code>
    /// The board, the host simulator, <c>tintin demo</c> and <c>tintin bench</c> all run their samples
    /// through it. Each labelled window is first predicted and scored (prequential accuracy), then
    /// trained on; the forward pass of the training step is the prediction, so scoring costs no extra
    /// pass. Mini-batches apply themselves inside <see cref="Model.TrainStep"/> when full; <see cref="Flush"/>
    /// applies a partial one (before a checkpoint, at the end of an epoch). Nothing allocates after
    /// construction.
    /// </summary>
    public sealed class LearningLoop
    {
        /// <summary>The label of a window whose class is not known: predicted, not trained on.</summary>
        public const int NoLabel = -1;

        private readonly sbyte[] _input;

        /// <summary>Creates the loop.</summary>
        /// <param name="model">The model, built for <paramref name="features"/>' input length.</param>
        /// <param name="features">How a window becomes the model's input.</param>
        /// <param name="accuracyWindow">How many recent labelled windows the running accuracy covers.</param>
        public LearningLoop(Model model, WindowFeatures features, int accuracyWindow)
        {
            if (model == null)
            {
                throw new ArgumentNullException(nameof(model));
            }

            if (features != null && features.InputLength != model.Spec.Input.Size)
            {
                throw new ArgumentException("the model reads " + model.Spec.Input.Size.ToString() + " values but the features give " + features.InputLength.ToString());
            }

            Model = model;
            Features = features;
            Accuracy = new PrequentialAccuracy(accuracyWindow);
            _input = new sbyte[model.Spec.Input.Size];
        }

        /// <summary>Gets the model being trained.</summary>
        public Model Model { get; }

        /// <summary>Gets the feature stage (null when the caller supplies model inputs itself).</summary>
        public WindowFeatures Features { get; }

        /// <summary>Gets the running (prequential) accuracy over the last labelled windows.</summary>
        public PrequentialAccuracy Accuracy { get; }

        /// <summary>Gets the number of training steps taken.</summary>
        public long TrainingSteps { get; private set; }

        /// <summary>Gets the number of predictions made without training (unlabelled windows).</summary>
        public long Inferences { get; private set; }

        /// <summary>Gets the class predicted for the last window.</summary>
        public int LastPrediction { get; private set; }

        /// <summary>
        /// Gets the confidence of the last prediction, in per-mille: derived from the model's output on
        /// demand (valid until the next step), so steps whose caller never asks pay nothing for it.
        /// </summary>
        public int LastConfidencePerMille
        {
            get { return Model.LastConfidencePerMille; }
        }

        /// <summary>Gets the loss of the last training step (Q16 nats; 0 after an inference).</summary>
        public int LastLoss { get; private set; }

        /// <summary>
        /// One turn of the loop on the sensor: pump the acquisition, and if a window is complete, run it
        /// through <see cref="StepWindow"/>.
        /// </summary>
        /// <param name="acquisition">The window assembler over the sensor (or a replay).</param>
        /// <param name="window">A window buffer of the assembler's length.</param>
        /// <param name="label">The window's class, or <see cref="NoLabel"/>.</param>
        /// <returns>True if a window was processed.</returns>
        public bool TryStep(WindowAssembler acquisition, SampleWindow window, int label)
        {
            acquisition.Pump();
            if (!acquisition.TryTakeWindow(window))
            {
                return false;
            }

            StepWindow(window.Samples, label);
            return true;
        }

        /// <summary>Features, then <see cref="Step"/>, for one window of samples.</summary>
        /// <param name="samples">The window's samples (accelerometer counts).</param>
        /// <param name="label">The window's class, or <see cref="NoLabel"/>.</param>
        /// <returns>The predicted class (made before any training on this window).</returns>
        public int StepWindow(int[] samples, int label)
        {
            if (Features == null)
            {
                throw new InvalidOperationException("this loop has no feature stage: call Step with model inputs");
            }

            Scale scale = Features.Compute(samples, _input);
            return Step(_input, scale, label);
        }

        /// <summary>
        /// Predicts one model input and, when the label is known, scores the prediction and trains on it.
        /// </summary>
        /// <param name="input">The model input, int8 values; unchanged by the call.</param>
        /// <param name="scale">The input's scale.</param>
        /// <param name="label">The class, or <see cref="NoLabel"/> to predict only.</param>
        /// <returns>The predicted class (made before any training on this input).</returns>
        public int Step(sbyte[] input, Scale scale, int label)
        {
            if (label == NoLabel)
            {
                LastPrediction = Model.Predict(input, scale);
                LastLoss = 0;
                Inferences++;
            }
            else
            {
                // The training step's forward pass is the prediction before this update.
                LastLoss = Model.TrainStep(input, scale, label);
                LastPrediction = Model.LastPrediction;
                Accuracy.Add(LastPrediction == label);
                TrainingSteps++;
            }

            return LastPrediction;
        }

        /// <summary>Applies a partly filled mini-batch now (before a checkpoint or at the end of an epoch).</summary>
        public void Flush()
        {
            Model.ApplyPending();
        }
    }
}
