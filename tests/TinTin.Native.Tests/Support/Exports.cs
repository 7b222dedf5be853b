// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace TinTin.Native.Tests.Support;

/// <summary>The kernels' public functions, as their headers declare them.</summary>
public static class Exports
{
    private static readonly Regex s_declaration = new(@"^(?:int32_t|int64_t|uint32_t|void)\s+(?<name>tt_\w+)\(", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    public static string[] Names() =>
        Directory.GetFiles(Repo.NativeSources, "*.h")
            .SelectMany(h => s_declaration.Matches(File.ReadAllText(h)).Select(m => m.Groups["name"].Value))
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToArray();
}
