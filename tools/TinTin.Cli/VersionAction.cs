// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace TinTin.Cli;

/// <summary>
/// Prints tintin's own version for <c>--version</c>. The built-in action reads the entry assembly,
/// which is the test host when the CLI runs in-process.
/// </summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    public static string Version { get; } =
        typeof(VersionAction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(VersionAction).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.WriteLine(Version);
        return 0;
    }
}
