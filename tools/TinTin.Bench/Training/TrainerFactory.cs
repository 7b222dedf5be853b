// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using TinTin.Bench.Models;
using TinTin.Description;

namespace TinTin.Bench.Training;

/// <summary>Builds the trainer of a mode, with the same initial weights for Tin-Tin and FP32.</summary>
public static class TrainerFactory
{
    /// <summary>Creates a trainer.</summary>
    /// <param name="model">The model.</param>
    /// <param name="input">The task's input shape.</param>
    /// <param name="mode">The mode.</param>
    /// <param name="seed">The run's seed.</param>
    /// <param name="engine">The kernels an integer mode runs on (FP32 runs its managed reference whatever the engine).</param>
    /// <returns>A fresh, initialised trainer.</returns>
    /// <exception cref="TinTin.NativeHost.NativeEngineUnavailableException">The native engine cannot be built or loaded here.</exception>
    public static Trainer Create(BenchModel model, Shape input, BenchMode mode, uint seed, BenchEngine engine = BenchEngine.Managed)
    {
        ModelSpec spec = model.Build(input);
        if (mode != BenchMode.Fp32)
        {
            return new IntegerTrainer(spec, mode, model.Schedule, seed, engine.CreateKernels());
        }

        // FP32 starts from exactly the real weights Tin-Tin starts from (same seed, same PRNG draws).
        var start = new IntegerTrainer(spec, BenchMode.TinTin, model.Schedule, seed);
        return new Fp32Trainer(start.Model, model.Schedule);
    }
}
