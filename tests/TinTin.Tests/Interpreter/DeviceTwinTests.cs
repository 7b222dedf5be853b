using System;
using System.IO;
using System.Linq;
using NanoGate.Interpreter;
using TinTin.DeviceTwin;

namespace TinTin.Tests.Interpreter;

/// <summary>
/// Same seed, same bits on host and board, for whole models: a few training steps of every catalog model
/// in Tin-Tin, NITI and the FP32 reference (tests/DeviceTwin) give the same loss and weights checksum on
/// .NET and on the real nanoFramework interpreter, in Release and Debug builds.
/// </summary>
public class DeviceTwinTests
{
    private static readonly string TwinProject = Path.Combine(RepoPaths.Root, "tests", "DeviceTwin", "TinTin.DeviceTwin.nfproj");

    [Fact]
    public void The_host_run_covers_every_catalog_model_in_every_mode()
    {
        var lines = TwinRun.Run();
        foreach (var model in TinTin.Description.ModelCatalog.Names())
        {
            foreach (var mode in new[] { "tintin", "niti", "fp32" })
            {
                Assert.Single(lines, l => l.StartsWith($"twin {model} {mode} steps={TwinRun.Steps} ", StringComparison.Ordinal));
            }
        }

        // Training moved the weights: no two runs end in the same checksum.
        Assert.Equal(lines.Length, lines.Select(l => l.Substring(l.IndexOf("crc=", StringComparison.Ordinal))).Distinct().Count());
    }

    [RequiresInterpreterTheory]
    [InlineData("Release")]
    [InlineData("Debug")]
    public void The_interpreter_gives_the_host_s_bits(string configuration)
    {
        var builder = DeviceBuilder.ForRepository(RepoPaths.Root, out var missing) ?? throw new InvalidOperationException(missing);
        var output = InterpreterRun.RunProgram(builder.Toolchain, builder.Build(TwinProject, configuration), TimeSpan.FromMinutes(10));

        var device = output.ProgramLines.Where(l => l.StartsWith("twin ", StringComparison.Ordinal)).ToList();
        Assert.True(device.LastOrDefault() == "twin done", "the twin did not finish on the interpreter:\n" + output.Output);
        Assert.Equal(TwinRun.Run(), device.Take(device.Count - 1));
    }
}
