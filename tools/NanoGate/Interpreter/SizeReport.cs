using System;

namespace NanoGate.Interpreter;

/// <summary>
/// A device assembly's PE tables against the 65,535-byte limit. The gate fails a Debug build above
/// <see cref="MaxShare"/> of the limit, so there is room to add code before the metadata processor
/// refuses the assembly (Debug IL is the larger, and it is what Visual Studio builds by default).
/// </summary>
public sealed record SizeReport(string Project, DeviceAssembly Assembly)
{
    /// <summary>The share of the limit a Debug build may use.</summary>
    public const double MaxShare = 0.80;

    public static SizeReport Of(DeviceAssembly assembly, string project) => new(project, assembly);

    private static double Share(int bytes) => (double)bytes / PeTableSizes.Limit;

    private int Largest => Math.Max(Assembly.Sizes.ByteCode, Math.Max(Assembly.Sizes.Strings, Assembly.Sizes.Signatures));

    /// <summary>Release is reported; Debug must stay within <see cref="MaxShare"/> for every 16-bit table.</summary>
    public bool Passed => Assembly.Configuration != "Debug" || Share(Largest) <= MaxShare;

    public string Line =>
        $"{(Passed ? "PASS" : "FAIL")} {Assembly.Name,-16} [{Assembly.Configuration,-7}] byte code {Assembly.Sizes.ByteCode,6} B ({Share(Assembly.Sizes.ByteCode),4:P0} of 65,535)" +
        $", strings {Assembly.Sizes.Strings,6} B ({Share(Assembly.Sizes.Strings),4:P0}), signatures {Assembly.Sizes.Signatures,6} B ({Share(Assembly.Sizes.Signatures),4:P0})  {Project}" +
        (Passed ? "" : $"  -- above {MaxShare:P0} in Debug: split the assembly");
}
