// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Scaling;

namespace TinTin.Bench.Models;

/// <summary>
/// The learning rates of one model, per mode and epoch. Tin-Tin and FP32 start from the same rate
/// 2^<see cref="Log2Rate"/> and both multiply it by 0.75 after every <see cref="DecayEvery"/> epochs: Tin-Tin does it
/// exactly in its compound exponent (one more factor b = 0.75, no real number involved), FP32 in
/// float. NITI has no learning rate: its update size is the μ-bit width, lowered by one at the
/// epochs listed in <see cref="NitiMuDrops"/>, which is how NITI anneals. NITI as published trains in
/// mini-batches: <see cref="NitiBatchSize"/> samples accumulate int32 weight gradients, then one
/// update of <see cref="NitiBatchMuBits"/> bits (the <c>niti-batch</c> mode).
/// </summary>
/// <param name="Log2Rate">The first epoch's learning rate as a power of two.</param>
/// <param name="DecayPerEpoch">Whether the rate shrinks by 0.75 after each epoch.</param>
/// <param name="NitiMuBits">NITI's μ in the first epoch.</param>
/// <param name="NitiMuDrops">Epochs (1-based) from which μ is one lower than before, cumulatively.</param>
/// <param name="DecayEvery">With <paramref name="DecayPerEpoch"/>, the rate shrinks by 0.75 once every this many epochs.</param>
/// <param name="NitiBatchSize">The mini-batch of the <c>niti-batch</c> mode.</param>
/// <param name="NitiBatchMuBits">NITI's μ in the <c>niti-batch</c> mode (every epoch, less the <paramref name="NitiMuDrops"/>).</param>
public sealed record LearningSchedule(
    int Log2Rate, bool DecayPerEpoch, int NitiMuBits, int[] NitiMuDrops, int DecayEvery = 1, int NitiBatchSize = LearningSchedule.PublishedNitiBatchSize, int NitiBatchMuBits = LearningSchedule.PublishedNitiMnistMuBits)
{
    /// <summary>
    /// NITI's mini-batch in the authors' code (github.com/wangmaolin/niti): <c>options.py</c>, which
    /// <c>main.py</c> and <c>ti_torch.py</c> read, defaults <c>--batch-size</c> to 256. (Their older
    /// <c>ti_main.py</c>, which builds the MNIST LeNet, defaults to 64; <c>train_vgg_cifar10.sh</c> passes 128.)
    /// </summary>
    public const int PublishedNitiBatchSize = 256;

    /// <summary>
    /// NITI's μ for MNIST in the authors' code: <c>ti_lenet.py</c>'s regime is <c>{'epoch': 0, 'gb': 0}</c>
    /// (gb, the gradient bit width, is μ: <c>grad_calc(int32_acc, mu)</c> in <c>ti_torch.py</c>).
    /// Their CIFAR-10 VGG starts at μ = 5, then 4 from epoch 100 and 3 from epoch 150 (<c>ti_vgg.py</c>).
    /// </summary>
    public const int PublishedNitiMnistMuBits = 0;

    private int Decays(int epoch) => DecayPerEpoch ? (epoch - 1) / DecayEvery : 0;

    /// <summary>The integer learning rate of an epoch (1-based): 2^Log2Rate * 0.75^(epoch-1).</summary>
    /// <param name="epoch">The epoch, from 1.</param>
    /// <returns>The rate as a compound scale.</returns>
    public Scale IntegerRate(int epoch) => new(Log2Rate, 0, Decays(epoch));

    /// <summary>The FP32 learning rate of an epoch: the same real number as <see cref="IntegerRate"/>.</summary>
    /// <param name="epoch">The epoch, from 1.</param>
    /// <returns>The rate.</returns>
    public float FloatRate(int epoch) => (float)(Math.Pow(2, Log2Rate) * Math.Pow(0.75, Decays(epoch)));

    /// <summary>NITI's μ in an epoch (never below 0).</summary>
    /// <param name="epoch">The epoch, from 1.</param>
    /// <returns>μ.</returns>
    public int MuBits(int epoch) => Math.Max(NitiMuBits - Drops(epoch), 0);

    /// <summary>NITI's μ in an epoch of the mini-batch mode (never below 0).</summary>
    /// <param name="epoch">The epoch, from 1.</param>
    /// <returns>μ.</returns>
    public int BatchMuBits(int epoch) => Math.Max(NitiBatchMuBits - Drops(epoch), 0);

    private int Drops(int epoch)
    {
        int drops = 0;
        foreach (int drop in NitiMuDrops)
        {
            if (epoch >= drop)
            {
                drops++;
            }
        }

        return drops;
    }
}
