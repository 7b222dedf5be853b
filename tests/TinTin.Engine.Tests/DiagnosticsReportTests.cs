// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using NFUnitTest;
using TinTin.Diagnostics;
using TinTin.Layers;
using TinTin.Training;
using Xunit.Abstractions;

namespace TinTin.Engine.Tests;

/// <summary>
/// The per-layer diagnostics after one epoch of the quadrant toy, as docs/tintin-training.md shows them.
/// Print with
/// <c>dotnet test tests/TinTin.Engine.Tests --filter DiagnosticsReportTests --logger "console;verbosity=detailed"</c>.
/// </summary>
public class DiagnosticsReportTests
{
    private readonly ITestOutputHelper _output;

    public DiagnosticsReportTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Theory]
    [InlineData(TrainingMode.TinTin)]
    [InlineData(TrainingMode.Niti)]
    public void OneEpochOfTheQuadrantToy(TrainingMode mode)
    {
        TrainingOptions options = mode == TrainingMode.TinTin ? QuadrantToy.TinTinOptions(1, 1) : QuadrantToy.NitiOptions(1, 1);
        var model = new Model(QuadrantToy.Network(), options);
        sbyte[][] points = QuadrantToy.Points(QuadrantToy.SampleCount, QuadrantToy.DataSeed, out int[] labels);
        long loss = QuadrantToy.TrainEpoch(model, points, labels);

        _output.WriteLine($"{mode}: mean loss {loss / points.Length} (Q16 nats), PRNG state {model.Random.State}");
        for (int l = 0; l < model.LayerCount; l++)
        {
            Layer layer = model.GetLayer(l);
            LayerStats s = layer.Stats;
            string weights = layer is WeightedLayer w ? $" weight scale {w.WeightScale}" : string.Empty;
            _output.WriteLine($"  {l} {Description.LayerSpec.KindName(layer.Spec.Kind)}: MACs {s.Macs}, saturations {s.Saturations}, "
                + $"weight rescales {s.WeightRescales}, compound rescales {s.CompoundRescales}, output scale {s.OutputScale}, error scale {s.ErrorScale}{weights}");
        }

        // 64 steps: Dense(16) 64 * (32 forward + 32 gradient), Dense(4) 64 * (3 * 64).
        Assert.Equal(64L * 64, model.GetLayer(0).Stats.Macs);
        Assert.Equal(64L * 192, model.GetLayer(2).Stats.Macs);
        Assert.Equal(mode == TrainingMode.TinTin, model.GetLayer(0).Stats.CompoundRescales > 0);
    }
}
