using System;
using System.IO;
using System.Linq;
using NanoGate.Interpreter;

namespace TinTin.Tests.Interpreter;

/// <summary>The PE header reader against images the real metadata processor wrote, and against what is not one.</summary>
public class PeTableSizesTests
{
    [RequiresInterpreterFact]
    public void Reads_the_byte_code_size_the_interpreter_reports()
    {
        // The interpreter prints "ByteCode = N bytes" for every assembly it loads: the runner's numbers must agree.
        var builder = DeviceBuilder.ForRepository(RepoPaths.Root, out _)!;
        var twin = builder.Build(Path.Combine(RepoPaths.Root, "tests", "DeviceTwin", "TinTin.DeviceTwin.nfproj"), "Release");
        var output = InterpreterRun.RunProgram(builder.Toolchain, twin, TimeSpan.FromMinutes(5)).Output;
        foreach (var assembly in new[] { twin }.Concat(twin.Projects))
        {
            Assert.Contains($"ByteCode        = {assembly.Sizes.ByteCode,8} bytes", output);
            Assert.Contains($"Strings         = {assembly.Sizes.Strings,8} bytes", output);
        }
    }

    [Fact]
    public void Rejects_a_file_that_is_not_a_nanoFramework_image()
    {
        var error = Assert.Throws<InvalidDataException>(() => PeTableSizes.Parse(new byte[200], "junk.pe"));
        Assert.Contains("junk.pe: not a nanoFramework PE image", error.Message);
    }
}
