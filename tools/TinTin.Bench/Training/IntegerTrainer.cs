// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Bench.Data;
using TinTin.Bench.Models;
using TinTin.Description;
using TinTin.Firmware.Core.Learning;
using TinTin.Training;

namespace TinTin.Bench.Training;

/// <summary>lib-tintin in Tin-Tin or NITI mode through the device's learning loop: the code the board runs.</summary>
public sealed class IntegerTrainer : Trainer
{
    private readonly LearningSchedule _schedule;

    /// <summary>Builds the model with the options of <paramref name="mode"/> and the run's seed.</summary>
    /// <param name="spec">The architecture.</param>
    /// <param name="mode">Tin-Tin, NITI or NITI with mini-batches.</param>
    /// <param name="schedule">The model's learning schedule.</param>
    /// <param name="seed">The seed of the initial weights and the stochastic rounding.</param>
    /// <param name="kernels">The kernels the layers run on, or null for lib-tintin's managed kernels.</param>
    public IntegerTrainer(ModelSpec spec, BenchMode mode, LearningSchedule schedule, uint seed, TrainingKernels? kernels = null)
    {
        if (mode == BenchMode.Fp32)
        {
            throw new ArgumentException("the integer trainer runs tintin, niti or niti-batch", nameof(mode));
        }

        _schedule = schedule;
        Mode = mode;
        Model = new Model(spec, CreateOptions(mode, schedule, seed), kernels);
        Loop = new LearningLoop(Model, null, PrequentialWindow);
    }

    /// <summary>The labelled samples the loop's running (prequential) accuracy covers.</summary>
    public const int PrequentialWindow = 1000;

    /// <summary>Gets the learning loop the samples run through (firmware/Core/Learning).</summary>
    public LearningLoop Loop { get; }

    /// <summary>Gets the model.</summary>
    public Model Model { get; }

    /// <inheritdoc/>
    public override BenchMode Mode { get; }

    /// <inheritdoc/>
    public override MemoryFigures Memory =>
        new(Model.Plan.WeightBytes, Model.Plan.ActivationBytes, Model.Plan.GradientBytes, Model.Plan.ScratchBytes);

    /// <summary>The options every benchmark run of <paramref name="mode"/> uses.</summary>
    /// <param name="mode">Tin-Tin, NITI or NITI with mini-batches.</param>
    /// <param name="schedule">The learning schedule (first epoch).</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The options.</returns>
    public static TrainingOptions CreateOptions(BenchMode mode, LearningSchedule schedule, uint seed) => new()
    {
        Mode = mode == BenchMode.TinTin ? TrainingMode.TinTin : TrainingMode.Niti,
        Seed = seed,
        InitialUpscale = mode == BenchMode.TinTin,
        LearningRate = schedule.IntegerRate(1),
        MuBits = mode == BenchMode.NitiBatch ? schedule.BatchMuBits(1) : schedule.MuBits(1),
        BatchSize = mode == BenchMode.NitiBatch ? schedule.NitiBatchSize : 1,
    };

    /// <inheritdoc/>
    public override string BeginEpoch(int epoch)
    {
        if (Mode == BenchMode.Niti)
        {
            Model.Options.MuBits = _schedule.MuBits(epoch);
            return $"mu {Model.Options.MuBits}";
        }

        if (Mode == BenchMode.NitiBatch)
        {
            Model.Options.MuBits = _schedule.BatchMuBits(epoch);
            return $"mu {Model.Options.MuBits} batch {Model.Options.BatchSize}";
        }

        Model.Options.LearningRate = _schedule.IntegerRate(epoch);
        return $"lr {Model.Options.LearningRate}";
    }

    /// <inheritdoc/>
    public override int TrainStep(SampleSet set, int index)
    {
        Loop.Step(set.Inputs[index], set.InputScale(index), set.Labels[index]);
        return Loop.LastLoss;
    }

    /// <inheritdoc/>
    public override void EndEpoch() => Loop.Flush();

    /// <inheritdoc/>
    public override int Predict(SampleSet set, int index) => Model.Predict(set.Inputs[index], set.InputScale(index));

    /// <inheritdoc/>
    public override uint WeightsCrc32() => Checksum.OfWeights(Model);
}
