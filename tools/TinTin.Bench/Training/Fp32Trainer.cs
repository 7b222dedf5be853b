// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Globalization;
using TinTin.Bench.Data;
using TinTin.Bench.Models;
using TinTin.Layers;
using TinTin.Reference;
using TinTin.Scaling;

namespace TinTin.Bench.Training;

/// <summary>
/// The FP32 reference (tools/TinTin.Reference): the same architecture as the integer model, started
/// from the real values of its initial weights, trained by float32 SGD on the same samples in the
/// same order.
/// </summary>
public sealed class Fp32Trainer : Trainer
{
    private readonly LearningSchedule _schedule;

    /// <summary>Builds the float network of <paramref name="start"/>'s architecture and copies its real weights.</summary>
    /// <param name="start">
    /// An untrained integer model (the Tin-Tin model of the run's seed): each weight becomes
    /// <c>q * 2^S * 1.5^U * 0.75^D</c> of its layer's weight scale, each int32 bias <c>b * BiasScale</c>.
    /// </param>
    /// <param name="schedule">The model's learning schedule (<see cref="LearningSchedule.FloatRate"/>).</param>
    public Fp32Trainer(Model start, LearningSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(schedule);
        _schedule = schedule;
        Network = new Fp32Network(start.Spec);
        for (int l = 0; l < start.LayerCount; l++)
        {
            if (start.GetLayer(l) is WeightedLayer layer)
            {
                Network.CopyWeights(l, RealValues(layer.CopyWeights(), layer.WeightScale), layer.Biases is null ? null : RealValues(layer.Biases, layer.BiasScale));
            }
        }

        Network.LearningRate = schedule.FloatRate(1);
    }

    /// <summary>Gets the float network.</summary>
    public Fp32Network Network { get; }

    /// <inheritdoc/>
    public override BenchMode Mode => BenchMode.Fp32;

    /// <inheritdoc/>
    public override MemoryFigures Memory =>
        new(Network.WeightBytes, Network.ActivationBytes, Network.GradientBytes, Network.ScratchBytes);

    /// <summary>The real number a compound scale stands for: <c>2^S * 1.5^U * 0.75^D = 2^Pow2 * 3^Pow3</c>.</summary>
    /// <param name="scale">The scale.</param>
    /// <returns>Its value.</returns>
    public static double RealValue(Scale scale) => Math.ScaleB(Math.Pow(3, scale.Pow3), scale.Pow2);

    /// <inheritdoc/>
    public override string BeginEpoch(int epoch)
    {
        Network.LearningRate = _schedule.FloatRate(epoch);
        return "lr " + Network.LearningRate.ToString("0.0000", CultureInfo.InvariantCulture);
    }

    /// <inheritdoc/>
    public override int TrainStep(SampleSet set, int index)
    {
        double loss = Math.Round(Network.TrainStep(set.RealInput(index), set.Labels[index]) * 65536.0, MidpointRounding.AwayFromZero);
        return loss >= int.MaxValue ? int.MaxValue : (int)loss;
    }

    /// <inheritdoc/>
    public override void EndEpoch()
    {
        // Batch size 1: every step is applied at once.
    }

    /// <inheritdoc/>
    public override int Predict(SampleSet set, int index) => Network.Predict(set.RealInput(index));

    /// <inheritdoc/>
    public override uint WeightsCrc32()
    {
        uint crc = 0;
        for (int l = 0; l < Network.LayerCount; l++)
        {
            float[]? weights = Network.GetWeights(l);
            if (weights is null)
            {
                continue;
            }

            crc = Checksum.Update(crc, weights, weights.Length * sizeof(float));
            float[]? biases = Network.GetBiases(l);
            if (biases is not null)
            {
                crc = Checksum.Update(crc, biases, biases.Length * sizeof(float));
            }
        }

        return crc;
    }

    private static float[] RealValues(sbyte[] q, Scale scale)
    {
        double unit = RealValue(scale);
        var real = new float[q.Length];
        for (int i = 0; i < q.Length; i++)
        {
            real[i] = (float)(q[i] * unit);
        }

        return real;
    }

    private static float[] RealValues(int[] q, Scale scale)
    {
        double unit = RealValue(scale);
        var real = new float[q.Length];
        for (int i = 0; i < q.Length; i++)
        {
            real[i] = (float)(q[i] * unit);
        }

        return real;
    }
}
