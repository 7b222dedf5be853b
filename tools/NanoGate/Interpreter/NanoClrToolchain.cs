using System;
using System.IO;
using System.Linq;

namespace NanoGate.Interpreter;

/// <summary>
/// The real nanoFramework toolchain for Linux (../shared/tools/nanoclr beside the repository, or
/// <c>$TINTIN_NANOCLR</c>): the interpreter host, the upstream assemblies as IL (<c>ref/</c>, to
/// compile against) and as PE (<c>pe/</c>, to load), and the metadata processor. A user's machine
/// usually has none of it; then <see cref="Find"/> says why and callers skip.
/// </summary>
public sealed class NanoClrToolchain
{
    /// <summary>Environment variable that points at a toolchain folder elsewhere.</summary>
    public const string EnvironmentVariable = "TINTIN_NANOCLR";

    private NanoClrToolchain(string root) => Root = root;

    public string Root { get; }

    /// <summary>The interpreter host: loads the .pe files named on its command line and runs the entry point.</summary>
    public string Runner => Path.Combine(Root, "bin", "nanoclr-run");

    /// <summary>The metadata processor (IL .dll to nanoFramework .pe), run with <c>dotnet</c>.</summary>
    public string MetadataProcessor => Path.Combine(Root, "mdp", "nanoFramework.Tools.MetadataProcessor.dll");

    /// <summary>The unit-test launcher's PE (it runs the assembly named NFUnitTest).</summary>
    public string UnitTestLauncherPe => Path.Combine(Root, "pe", "nanoFramework.UnitTestLauncher.pe");

    /// <summary>The IL assembly of an upstream nanoFramework assembly, or null if the toolchain lacks it.</summary>
    public string? ReferenceAssembly(string name)
    {
        var path = new[] { ".dll", ".exe" }.Select(e => Path.Combine(Root, "ref", name + e)).FirstOrDefault(File.Exists);
        return path;
    }

    /// <summary>The PE image of an upstream nanoFramework assembly, or null if the toolchain lacks it.</summary>
    public string? PeImage(string name)
    {
        var path = Path.Combine(Root, "pe", name + ".pe");
        return File.Exists(path) ? path : null;
    }

    /// <summary>Finds the toolchain for a repository; <paramref name="missing"/> says why when there is none.</summary>
    public static NanoClrToolchain? Find(string repoRoot, out string missing)
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        var root = string.IsNullOrWhiteSpace(configured)
            ? Path.GetFullPath(Path.Combine(repoRoot, "..", "shared", "tools", "nanoclr"))
            : Path.GetFullPath(configured);
        var toolchain = new NanoClrToolchain(root);
        var required = new[] { toolchain.Runner, toolchain.MetadataProcessor, toolchain.UnitTestLauncherPe, Path.Combine(root, "ref", "mscorlib.dll"), Path.Combine(root, "pe", "mscorlib.pe") };
        var absent = required.FirstOrDefault(p => !File.Exists(p));
        if (absent is not null)
        {
            missing = $"the nanoFramework interpreter toolchain is not installed ({absent} is missing; it is looked for at ../shared/tools/nanoclr beside the repository, or ${EnvironmentVariable})";
            return null;
        }

        if (!OperatingSystem.IsLinux() || !System.Runtime.InteropServices.RuntimeInformation.OSArchitecture.Equals(System.Runtime.InteropServices.Architecture.X64))
        {
            missing = "the nanoFramework interpreter toolchain runs on Linux x86-64 only";
            return null;
        }

        missing = "";
        return toolchain;
    }
}
