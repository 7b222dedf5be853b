// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Monitor;

/// <summary>Short words for a command's outcome, as the live view shows it.</summary>
public static class CommandResultText
{
    /// <summary>Describes an outcome: "acked", "nak REASON: text", "no answer in time" or "port not open".</summary>
    /// <param name="result">The board's answer.</param>
    /// <returns>A few words.</returns>
    public static string Describe(CommandResult result) => result.Outcome switch
    {
        CommandOutcome.Acked => "acked",
        CommandOutcome.Nakked => $"nak {result.Reason}" + (string.IsNullOrEmpty(result.Text) ? string.Empty : $": {result.Text}"),
        CommandOutcome.TimedOut => "no answer in time",
        _ => "port not open" + (string.IsNullOrEmpty(result.Text) ? string.Empty : $": {result.Text}"),
    };
}
