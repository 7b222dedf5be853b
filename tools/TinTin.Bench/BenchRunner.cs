// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using TinTin.Bench.Data;
using TinTin.Bench.Models;
using TinTin.Bench.Training;
using TinTin.Random;

namespace TinTin.Bench;

/// <summary>What a run reports while it trains.</summary>
/// <param name="Epoch">The epoch (1-based).</param>
/// <param name="Epochs">All epochs.</param>
/// <param name="Done">Samples of this epoch trained so far.</param>
/// <param name="Total">Samples in the epoch.</param>
/// <param name="TestAccuracy">The epoch's test accuracy once it is done, else null.</param>
/// <param name="Loss">The epoch's mean loss in nats once it is done, else null.</param>
public readonly record struct BenchProgress(int Epoch, int Epochs, int Done, int Total, double? TestAccuracy, double? Loss);

/// <summary>
/// The benchmark loop, the same for every mode: shuffle with the run's seed, train every sample
/// once per epoch, test, repeat; measure memory, MACs, host time, allocations and (optionally)
/// interpreter cost; checksum the weights.
/// </summary>
public static class BenchRunner
{
    /// <summary>The sample-order PRNG is seeded apart from the model's, so every mode sees the same order.</summary>
    public const uint OrderSeedSalt = 0x5EED0DE5;

    /// <summary>Runs one model in one mode.</summary>
    /// <param name="model">The model.</param>
    /// <param name="data">Its task's data.</param>
    /// <param name="mode">The mode.</param>
    /// <param name="epochs">Epochs to train.</param>
    /// <param name="seed">The seed of the initial weights, the rounding and the sample order.</param>
    /// <param name="cost">Measures interpreter cost, or null to skip it.</param>
    /// <param name="progress">Receives progress, or null.</param>
    /// <param name="trained">Receives the trained model (e.g. to save it), or null.</param>
    /// <param name="engine">
    /// The kernels lib-tintin runs on (integer modes; FP32 is the managed reference on either). The results
    /// are the same on both; the host time differs. The interpreter cost is counted on the managed kernels
    /// only (it instruments lib-tintin's IL), so <paramref name="cost"/> must be null with the native engine.
    /// </param>
    /// <returns>The measurements.</returns>
    /// <exception cref="ArgumentException">A cost meter with the native engine.</exception>
    /// <exception cref="TinTin.NativeHost.NativeEngineUnavailableException">The native engine cannot be built or loaded here.</exception>
    public static BenchResult Run(
        BenchModel model, TaskData data, BenchMode mode, int epochs, uint seed, ICostMeter? cost, Action<BenchProgress>? progress, Action<Trainer>? trained = null,
        BenchEngine engine = BenchEngine.Managed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        if (cost != null && engine != BenchEngine.Managed)
        {
            throw new ArgumentException("the interpreter cost is counted on the managed kernels only: run the native engine without a cost meter", nameof(cost));
        }

        RunTypeInitializers();
        var spec = model.Build(data.Train.Shape);
        Trainer trainer = TrainerFactory.Create(model, data.Train.Shape, mode, seed, engine);
        SampleSet train = data.Train;
        int[] order = new int[train.Count];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var orderRandom = new Xorshift32(seed ^ OrderSeedSalt);
        var accuracies = new double[epochs];
        var losses = new double[epochs];
        long trainTicks = 0;
        long allocated = 0;
        string rate = string.Empty;
        int report = Math.Max(1, train.Count / 50);
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            Shuffle(order, orderRandom);
            rate = trainer.BeginEpoch(epoch);
            long loss = 0;
            long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < order.Length; i++)
            {
                loss += trainer.TrainStep(train, order[i]);
                if (progress != null && (i + 1) % report == 0)
                {
                    allocated += GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
                    trainTicks += Stopwatch.GetTimestamp() - start;
                    progress(new BenchProgress(epoch, epochs, i + 1, order.Length, null, null));
                    allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                    start = Stopwatch.GetTimestamp();
                }
            }

            trainer.EndEpoch();
            trainTicks += Stopwatch.GetTimestamp() - start;
            allocated += GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            losses[epoch - 1] = loss / 65536.0 / order.Length;
            accuracies[epoch - 1] = Evaluate(trainer, data.Test, null);
            progress?.Invoke(new BenchProgress(epoch, epochs, order.Length, order.Length, accuracies[epoch - 1], losses[epoch - 1]));
        }

        int classes = data.ClassNames.Count;
        var confusion = new int[classes][];
        for (int c = 0; c < classes; c++)
        {
            confusion[c] = new int[classes];
        }

        double accuracy = Evaluate(trainer, data.Test, confusion);
        trained?.Invoke(trainer);
        CostMeasurement? measured = cost?.Measure(model, mode, seed, train, order);
        long steps = (long)epochs * train.Count;
        return new BenchResult
        {
            Task = model.Task == BenchTask.Mnist ? "mnist" : "cwru",
            Model = model.Name,
            Mode = mode,
            Engine = mode == BenchMode.Fp32 ? BenchEngine.Managed : engine,
            BatchSize = trainer is IntegerTrainer integer ? integer.Model.Options.BatchSize : 1,
            Seed = seed,
            Epochs = epochs,
            TrainSamples = train.Count,
            TestSamples = data.Test.Count,
            SamplesSeen = steps,
            TestAccuracy = accuracy,
            EpochTestAccuracy = accuracies,
            EpochLoss = losses,
            Memory = trainer.Memory,
            MacsPerSample = MacCount.PerTrainingSample(spec),
            IlCostPerSample = measured?.PerSample,
            IlCostSamples = measured?.Samples ?? 0,
            IlCostPerInference = measured?.PerInference,
            IlCostWarmup = measured?.Warmup ?? 0,
            IlCostProfile = measured?.Profile,
            HostMicrosecondsPerSample = Stopwatch.GetElapsedTime(0, trainTicks).TotalMicroseconds / steps,
            AllocatedBytesPerStep = allocated / (double)steps,
            WeightsCrc32 = trainer.WeightsCrc32(),
            Confusion = confusion,
            ClassNames = data.ClassNames,
            LastRate = rate,
        };
    }

    /// <summary>
    /// Runs the type initialisers of lib-tintin and the FP32 reference. Some build small lookup tables
    /// (SoftmaxCrossEntropy, Requantizer) on first use, once per process; without this the first run in a
    /// process counted those bytes (992 on the first training step) as allocations per training step.
    /// </summary>
    private static void RunTypeInitializers()
    {
        foreach (Assembly assembly in new[] { typeof(Model).Assembly, typeof(TinTin.Reference.Fp32Network).Assembly })
        {
            foreach (Type type in assembly.GetTypes())
            {
                RuntimeHelpers.RunClassConstructor(type.TypeHandle);
            }
        }
    }

    /// <summary>Test accuracy, filling a confusion matrix when one is given.</summary>
    /// <param name="trainer">The trained model.</param>
    /// <param name="test">The test split.</param>
    /// <param name="confusion">[true][predicted] counts to add to, or null.</param>
    /// <returns>The fraction predicted right.</returns>
    public static double Evaluate(Trainer trainer, SampleSet test, int[][]? confusion)
    {
        int correct = 0;
        for (int i = 0; i < test.Count; i++)
        {
            int predicted = trainer.Predict(test, i);
            if (predicted == test.Labels[i])
            {
                correct++;
            }

            if (confusion != null)
            {
                confusion[test.Labels[i]][predicted]++;
            }
        }

        return test.Count == 0 ? 0 : correct / (double)test.Count;
    }

    /// <summary>Fisher-Yates with the engine's PRNG (the device can reproduce the order).</summary>
    /// <param name="order">The indices to shuffle in place.</param>
    /// <param name="random">The PRNG.</param>
    internal static void Shuffle(int[] order, Xorshift32 random)
    {
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = random.NextInt(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
    }
}
