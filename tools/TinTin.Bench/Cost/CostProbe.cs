// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Bench.Data;
using TinTin.Bench.Models;
using TinTin.Bench.Training;
using TinTin.Description;
using ModelCatalog = TinTin.Bench.Models.ModelCatalog;
using TinTin.IlCost.Runtime;

namespace TinTin.Bench.Cost;

/// <summary>
/// The code <see cref="InterpreterCostMeter"/> runs inside its isolated load context, where
/// lib-tintin and the FP32 reference are the instrumented copies. Its arguments are plain arrays
/// and numbers so they cross the context boundary; the counted cost is only the libraries' code
/// (the bench's own code, loaded uninstrumented, adds nothing).
/// </summary>
public static class CostProbe
{
    /// <summary>
    /// Builds a fresh trainer of the model and mode, sets the first epoch's learning rate, trains
    /// <paramref name="warmup"/> samples of <paramref name="order"/> uncounted (the first steps of a
    /// fresh model rescale its weights far more often than training does later), then trains the
    /// next <paramref name="steps"/> and returns the cost they added. Model construction and
    /// initialisation are not counted.
    /// </summary>
    /// <remarks>
    /// Mini-batches (<see cref="BenchMode.NitiBatch"/>): a batch's end converts every accumulated
    /// gradient into an update, once per batch of B samples, so a window of a few samples would
    /// either miss it or count it whole. The counted steps therefore run with the batch end held
    /// back (only the per-sample work: forward, backward, accumulation), then the conversion runs
    /// once by itself, counted, and 1/B of it is charged to each counted step. Its cost does not
    /// depend on how many samples the accumulators hold (a pass over every weight).
    /// </remarks>
    /// <param name="modelName">A <see cref="ModelCatalog"/> name.</param>
    /// <param name="mode">A <see cref="BenchMode"/> as an int.</param>
    /// <param name="seed">The run's seed.</param>
    /// <param name="shape">The input shape: channels, height, width.</param>
    /// <param name="inputs">The training split's int8 samples.</param>
    /// <param name="log2Scales">Their scales.</param>
    /// <param name="labels">Their labels.</param>
    /// <param name="order">The sample order.</param>
    /// <param name="warmup">How many training steps to run first, uncounted.</param>
    /// <param name="steps">How many training steps to count.</param>
    /// <param name="nitiBatchSize">The mini-batch of <see cref="BenchMode.NitiBatch"/> (the catalog's can be overridden on the command line).</param>
    /// <returns>
    /// The estimated interpreter instructions of those steps, their per-method profile when the
    /// libraries were instrumented for profiling (else an empty one), and the instructions of predicting
    /// the same samples once more (inference only, after the counted steps). The types are the
    /// framework's or the shared runtime's, so they cross the context boundary.
    /// </returns>
    public static Tuple<long, CostProfile, long> MeasureTraining(
        string modelName, int mode, uint seed, int[] shape, sbyte[][] inputs, int[] log2Scales, int[] labels, int[] order, int warmup, int steps, int nitiBatchSize)
    {
        BenchModel model = ModelCatalog.Get(modelName);
        model = model with { Schedule = model.Schedule with { NitiBatchSize = nitiBatchSize } };
        var set = new SampleSet(new Shape(shape[0], shape[1], shape[2]), inputs, log2Scales, labels);
        Trainer trainer = TrainerFactory.Create(model, set.Shape, (BenchMode)mode, seed);
        trainer.BeginEpoch(1);
        int first = Math.Min(warmup, order.Length);
        for (int i = 0; i < first; i++)
        {
            trainer.TrainStep(set, order[i]);
        }

        TinTin.Model? batched = trainer is IntegerTrainer integer && integer.Model.Options.BatchSize > 1 ? integer.Model : null;
        int batch = batched?.Options.BatchSize ?? 1;
        if (batched != null)
        {
            batched.Options.BatchSize = int.MaxValue; // hold the batch end back (see remarks)
        }

        CostProfile profileBefore = CostProfile.Snapshot();
        long before = CostCounter.Total;
        int end = Math.Min(first + steps, order.Length);
        for (int i = first; i < end; i++)
        {
            trainer.TrainStep(set, order[i]);
        }

        long cost = CostCounter.Total - before;
        CostProfile profile = CostProfile.Difference(profileBefore, CostProfile.Snapshot());
        if (batched != null)
        {
            long beforeApply = CostCounter.Total;
            batched.ApplyPending();
            long conversion = CostCounter.Total - beforeApply;
            batched.Options.BatchSize = batch;
            cost += (conversion * (end - first) + batch / 2) / batch; // 1/B of the batch end per counted step
        }

        // Inference: what a board in detect mode pays per window (the features are not counted here, as in training).
        long beforeInference = CostCounter.Total;
        for (int i = first; i < end; i++)
        {
            trainer.Predict(set, order[i]);
        }

        return Tuple.Create(cost, profile, CostCounter.Total - beforeInference);
    }
}
