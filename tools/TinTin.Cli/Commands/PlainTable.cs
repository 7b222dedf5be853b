// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.IO;
using Spectre.Console;

namespace TinTin.Cli.Commands;

/// <summary>Renders a Spectre.Console table as plain text (no colours, no terminal probing) to any writer.</summary>
internal static class PlainTable
{
    /// <summary>Writes the table.</summary>
    /// <param name="table">The table.</param>
    /// <param name="output">Where to write it.</param>
    /// <param name="width">The line width to lay it out for.</param>
    public static void Write(Table table, TextWriter output, int width)
    {
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        console.Write(table);
    }
}
