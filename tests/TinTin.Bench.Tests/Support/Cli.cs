// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.IO;
using TinTin.Cli;

namespace TinTin.Bench.Tests;

/// <summary>Runs the tintin command line in-process, as ModelInfoCommandTests does.</summary>
internal static class Cli
{
    public static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = TinTinCommandLine.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
