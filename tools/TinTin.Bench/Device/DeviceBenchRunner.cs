// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Diagnostics;
using TinTin.Bench.Data;
using TinTin.Bench.Models;
using TinTin.Bench.Training;
using TinTin.Description;
using TinTin.Firmware.Core.Link;
using TinTin.Persistence;
using TinTin.Random;

namespace TinTin.Bench.Device;

/// <summary>
/// <c>tintin bench --device PORT</c>: the host benchmark's run (<see cref="BenchRunner.Run"/>) with the training done by a
/// board, hardware in the loop. The host builds the model exactly as the host benchmark does (architecture, seed,
/// mode, first epoch's learning setting) and loads it into the board as a model file, so the board starts from the same
/// weights and PRNG state; it then streams the CWRU windows as Samples frames in the benchmark's order (labelled:
/// the board trains on them; unlabelled test windows: it predicts), one window at a time, paced by the predictions.
/// The board's firmware computes the features from the raw windows (the same WindowFeatures the host benchmark used
/// to build its samples) and runs the same LearningLoop, so with the same model, seed and samples the accuracy and
/// the final weights equal the host's bit for bit. Between epochs whose learning setting differs (the rate's 0.75
/// decay, NITI's μ drops) the model is fetched, its options set to the next epoch's and loaded back, because the board
/// has no schedule of its own.
/// </summary>
public static class DeviceBenchRunner
{
    /// <summary>Runs one model in one integer mode on the board.</summary>
    /// <param name="conversation">The link to the board.</param>
    /// <param name="model">The model (the architecture must be the board's).</param>
    /// <param name="data">The task's raw windows.</param>
    /// <param name="mode">Tin-Tin or NITI (the board has no FP32).</param>
    /// <param name="epochs">Epochs to train.</param>
    /// <param name="seed">The seed of the initial weights, the rounding and the sample order.</param>
    /// <param name="progress">Receives progress, or null.</param>
    /// <returns>The host benchmark's result (accuracy from the board's predictions) and the board's own figures.</returns>
    /// <exception cref="DeviceBenchException">The board refused something or stopped answering.</exception>
    public static (BenchResult Result, DeviceFigures Device) Run(
        DeviceConversation conversation, BenchModel model, CwruRawData data, BenchMode mode, int epochs, uint seed, Action<BenchProgress>? progress)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        if (mode == BenchMode.Fp32 || mode == BenchMode.NitiBatch || model.Task != BenchTask.Cwru)
        {
            throw new ArgumentException("a board trains CWRU models in tintin or niti mode", nameof(mode));
        }

        Shape input = model.Input == InputKind.RawWindow ? new Shape(1, 1, CwruWindows.WindowLength) : Shape.Vector(Models.ModelCatalog.SpectrumBands);
        ModelSpec spec = model.Build(input);

        // The host's twin of the model only carries the options: the board holds the weights.
        var twin = (IntegerTrainer)TrainerFactory.Create(model, input, mode, seed);
        conversation.Command(CommandCode.SetLabel, -1); // unlabelled: the board's own sensor windows are only predicted, never trained on
        conversation.Command(CommandCode.SetMode, (long)DeviceMode.Train);
        conversation.Command(CommandCode.ResetCounters);

        RawWindowSet train = data.Train;
        int[] order = new int[train.Count];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var orderRandom = new Xorshift32(seed ^ BenchRunner.OrderSeedSalt);
        int classes = data.ClassNames.Length;
        var accuracies = new double[epochs];
        var confusion = new int[classes][];
        long window = 0;
        long trainTicks = 0;
        string rate = string.Empty;
        int report = Math.Max(1, train.Count / 50);
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            BenchRunner.Shuffle(order, orderRandom);
            string previous = rate;
            rate = twin.BeginEpoch(epoch);
            if (epoch == 1)
            {
                conversation.LoadModel(FileOf(twin.Model));
            }
            else if (rate != previous)
            {
                conversation.LoadModel(WithOptionsOf(conversation.FetchModel(), twin.Model));
            }

            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < order.Length; i++)
            {
                int k = order[i];
                conversation.SendWindow(window, train.Windows[k], train.Labels[k]);
                conversation.AwaitPrediction(window++);
                if (progress != null && (i + 1) % report == 0)
                {
                    progress(new BenchProgress(epoch, epochs, i + 1, order.Length, null, null));
                }
            }

            trainTicks += Stopwatch.GetTimestamp() - start;
            for (int c = 0; c < classes; c++)
            {
                confusion[c] = new int[classes];
            }

            accuracies[epoch - 1] = Evaluate(conversation, data.Test, confusion, ref window);
            progress?.Invoke(new BenchProgress(epoch, epochs, order.Length, order.Length, accuracies[epoch - 1], null));
        }

        byte[] file = conversation.FetchModel();
        uint crc = Checksum.OfWeights(ModelFile.Read(file, 0, file.Length));
        var counters = conversation.AwaitCountersAfterLastPrediction();
        var figures = new DeviceFigures(counters, crc, file.Length, window);
        long steps = (long)epochs * train.Count;
        var result = new BenchResult
        {
            Task = "cwru",
            Model = model.Name,
            Mode = mode,
            Seed = seed,
            Epochs = epochs,
            TrainSamples = train.Count,
            TestSamples = data.Test.Count,
            SamplesSeen = steps,
            TestAccuracy = accuracies[epochs - 1],
            EpochTestAccuracy = accuracies,
            EpochLoss = new double[epochs], // the board reports predictions, not losses: DeviceJsonReport writes nulls
            Memory = new MemoryFigures(
                figures.Get(CounterId.PlannedWeightsBytes) ?? 0,
                figures.Get(CounterId.PlannedActivationsBytes) ?? 0,
                figures.Get(CounterId.PlannedGradientsBytes) ?? 0,
                figures.Get(CounterId.PlannedScratchBytes) ?? 0),
            MacsPerSample = MacCount.PerTrainingSample(spec),
            IlCostPerSample = null,
            IlCostSamples = 0,
            HostMicrosecondsPerSample = Stopwatch.GetElapsedTime(0, trainTicks).TotalMicroseconds / steps,
            AllocatedBytesPerStep = 0, // host allocations say nothing about the board: DeviceJsonReport writes null
            WeightsCrc32 = crc,
            Confusion = confusion,
            ClassNames = data.ClassNames,
            LastRate = rate,
        };
        return (result, figures);
    }

    // The host benchmark's test pass, on the board: every test window unlabelled, scored by its prediction.
    private static double Evaluate(DeviceConversation conversation, RawWindowSet test, int[][] confusion, ref long window)
    {
        int correct = 0;
        for (int i = 0; i < test.Count; i++)
        {
            conversation.SendWindow(window, test.Windows[i], -1);
            int predicted = conversation.AwaitPrediction(window++).PredictedClass;
            if (predicted == test.Labels[i])
            {
                correct++;
            }

            confusion[test.Labels[i]][predicted]++;
        }

        return test.Count == 0 ? 0 : correct / (double)test.Count;
    }

    private static byte[] FileOf(Model model)
    {
        var file = new byte[ModelFile.GetSize(model)];
        ModelFile.Write(model, file, 0);
        return file;
    }

    // The board's model (weights and training state as they are) with the next epoch's learning setting.
    private static byte[] WithOptionsOf(byte[] boardFile, Model twin)
    {
        Model board = ModelFile.Read(boardFile, 0, boardFile.Length);
        board.Options.LearningRate = twin.Options.LearningRate;
        board.Options.MuBits = twin.Options.MuBits;
        return FileOf(board);
    }
}
