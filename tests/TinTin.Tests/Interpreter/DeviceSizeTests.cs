using System.Collections.Generic;
using System.IO;
using System.Linq;
using NanoGate.Interpreter;
using NanoGate.Projects;
using Xunit.Abstractions;

namespace TinTin.Tests.Interpreter;

/// <summary>
/// Every device assembly (lib, sensors, firmware, each test project) built with the real toolchain fits the
/// PE format's 16-bit tables with room to grow: at most 80 % of 65,535 bytes of byte code, strings and
/// signatures in Debug, the larger build and the one Visual Studio makes by default.
/// </summary>
public class DeviceSizeTests
{
    private readonly ITestOutputHelper _output;

    public DeviceSizeTests(ITestOutputHelper output) => _output = output;

    public static IEnumerable<object[]> Projects() =>
        NfProject.Discover(RepoPaths.Root).SelectMany(p => new[] { "Debug", "Release" }.Select(c => new object[] { Path.GetRelativePath(RepoPaths.Root, p.Path), c }));

    [RequiresInterpreterTheory]
    [MemberData(nameof(Projects))]
    public void Every_device_assembly_fits_with_headroom(string project, string configuration)
    {
        var builder = DeviceBuilder.ForRepository(RepoPaths.Root, out _)!;
        var report = SizeReport.Of(builder.Build(Path.Combine(RepoPaths.Root, project), configuration), project);
        _output.WriteLine(report.Line);
        Assert.True(report.Passed, report.Line);
    }

    [Fact]
    public void The_size_rule_fails_a_debug_assembly_above_80_percent_and_only_reports_release()
    {
        static DeviceAssembly Assembly(string configuration, int byteCode) =>
            new("NFUnitTest", configuration, "x.dll", "x.pe", new PeTableSizes(byteCode, 1000, 1000), new List<string>(), new List<DeviceAssembly>(), new List<string>());

        Assert.True(SizeReport.Of(Assembly("Debug", 52428), "p").Passed);
        Assert.False(SizeReport.Of(Assembly("Debug", 52429), "p").Passed);
        Assert.True(SizeReport.Of(Assembly("Release", 60069), "p").Passed);
    }
}
