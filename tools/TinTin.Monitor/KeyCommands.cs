// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using TinTin.Firmware.Core.Link;

namespace TinTin.Monitor;

/// <summary>What a key in the live view does.</summary>
public enum KeyActionKind
{
    /// <summary>Send <see cref="KeyAction.Command"/> to the board.</summary>
    Send,

    /// <summary>Fetch the board's model into a timestamped file.</summary>
    FetchModel,

    /// <summary>Write the plot now.</summary>
    WritePlot,

    /// <summary>Leave the monitor.</summary>
    Quit,
}

/// <summary>A key's action.</summary>
/// <param name="Kind">What to do.</param>
/// <param name="Description">Short words for the view, e.g. "mode train".</param>
/// <param name="Command">The command, for <see cref="KeyActionKind.Send"/>; a new instance per call.</param>
public sealed record KeyAction(KeyActionKind Kind, string Description, CommandMessage? Command = null);

/// <summary>
/// The live view's keys (case-insensitive): t train, d detect, i idle, c collect, 0-9 label, n unlabelled,
/// s save a checkpoint, h ask for a hello, f fetch the model, p write the plot, q quit.
/// </summary>
public static class KeyCommands
{
    /// <summary>The one-line key help the view shows.</summary>
    public const string Help = "t train  d detect  i idle  c collect  0-9 label  n unlabelled  s save  h hello  f fetch model  p plot  q quit";

    /// <summary>Maps a key to its action.</summary>
    /// <param name="key">The character typed.</param>
    /// <returns>The action, or null for a key that does nothing.</returns>
    public static KeyAction? Map(char key) => char.ToLowerInvariant(key) switch
    {
        't' => Mode(DeviceMode.Train, "train"),
        'd' => Mode(DeviceMode.Detect, "detect"),
        'i' => Mode(DeviceMode.Idle, "idle"),
        'c' => Mode(DeviceMode.Collect, "collect"),
        >= '0' and <= '9' => new KeyAction(KeyActionKind.Send, "label " + key, new CommandMessage { Code = CommandCode.SetLabel, Argument = key - '0' }),

        // CommandMessage holds "unlabelled" as -1 and sends it as 255.
        'n' => new KeyAction(KeyActionKind.Send, "label none", new CommandMessage { Code = CommandCode.SetLabel, Argument = -1 }),
        's' => new KeyAction(KeyActionKind.Send, "save checkpoint", new CommandMessage { Code = CommandCode.SaveCheckpoint }),
        'h' => new KeyAction(KeyActionKind.Send, "hello", new CommandMessage { Code = CommandCode.SendHello }),
        'f' => new KeyAction(KeyActionKind.FetchModel, "fetch model"),
        'p' => new KeyAction(KeyActionKind.WritePlot, "plot"),
        'q' => new KeyAction(KeyActionKind.Quit, "quit"),
        _ => null,
    };

    private static KeyAction Mode(DeviceMode mode, string name) =>
        new(KeyActionKind.Send, "mode " + name, new CommandMessage { Code = CommandCode.SetMode, Argument = (long)mode });
}
