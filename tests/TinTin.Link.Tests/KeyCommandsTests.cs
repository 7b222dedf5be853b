// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using TinTin.Firmware.Core.Link;
using TinTin.Monitor;

namespace TinTin.Link.Tests;

/// <summary>The live view's keys map to the protocol's commands, and every command they make passes the codec.</summary>
public class KeyCommandsTests
{
    [Theory]
    [InlineData('t', CommandCode.SetMode, (long)DeviceMode.Train)]
    [InlineData('d', CommandCode.SetMode, (long)DeviceMode.Detect)]
    [InlineData('i', CommandCode.SetMode, (long)DeviceMode.Idle)]
    [InlineData('c', CommandCode.SetMode, (long)DeviceMode.Collect)]
    [InlineData('T', CommandCode.SetMode, (long)DeviceMode.Train)]
    [InlineData('0', CommandCode.SetLabel, 0L)]
    [InlineData('7', CommandCode.SetLabel, 7L)]
    [InlineData('9', CommandCode.SetLabel, 9L)]
    [InlineData('n', CommandCode.SetLabel, -1L)]
    [InlineData('s', CommandCode.SaveCheckpoint, 0L)]
    [InlineData('h', CommandCode.SendHello, 0L)]
    public void Command_keys_make_the_right_command_and_it_survives_the_codec(char key, CommandCode code, long argument)
    {
        KeyAction? action = KeyCommands.Map(key);

        Assert.NotNull(action);
        Assert.Equal(KeyActionKind.Send, action.Kind);
        Assert.Equal(code, action.Command!.Code);
        Assert.Equal(argument, action.Command.Argument);

        // What the board would decode from the bytes sent.
        var bytes = new byte[CommandMessage.MaxLength];
        int length = action.Command.Write(bytes, 0);
        var decoded = new CommandMessage();
        Assert.Equal(NakReason.None, decoded.Read(bytes, 0, length));
        Assert.Equal(code, decoded.Code);
        Assert.Equal(argument, decoded.Argument);
    }

    [Theory]
    [InlineData('f', KeyActionKind.FetchModel)]
    [InlineData('p', KeyActionKind.WritePlot)]
    [InlineData('q', KeyActionKind.Quit)]
    [InlineData('Q', KeyActionKind.Quit)]
    public void Local_keys_send_nothing(char key, KeyActionKind kind)
    {
        KeyAction? action = KeyCommands.Map(key);
        Assert.NotNull(action);
        Assert.Equal(kind, action.Kind);
        Assert.Null(action.Command);
    }

    [Theory]
    [InlineData('x')]
    [InlineData(' ')]
    [InlineData('\u001b')]
    public void Other_keys_do_nothing(char key) => Assert.Null(KeyCommands.Map(key));

    [Fact]
    public void Each_call_gives_a_new_command_so_one_send_cannot_change_the_next()
    {
        KeyAction first = KeyCommands.Map('3')!;
        first.Command!.Argument = 5;
        Assert.Equal(3, KeyCommands.Map('3')!.Command!.Argument);
    }

    [Fact]
    public void The_help_names_every_key_family()
    {
        foreach (string word in new[] { "t train", "d detect", "i idle", "c collect", "0-9 label", "n unlabelled", "s save", "f fetch", "p plot", "q quit" })
        {
            Assert.Contains(word, KeyCommands.Help);
        }
    }
}
