// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.IO;
using System.Linq;
using TinTin.Cli;
using TinTin.Description;
using TinTin.Firmware.Core.Link;
using TinTin.Persistence;
using TinTin.Pty;
using TinTin.Scaling;
using TinTin.Training;

namespace TinTin.Link.Tests;

/// <summary><c>tintin send</c> over a real pseudo-terminal to a fake board that answers.</summary>
public sealed class MonitorSendTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tintin-send-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Send_gets_the_ack_and_the_board_gets_the_command()
    {
        using var board = new MonitorFakeBoard(PseudoTerminal.Open());
        board.StartResponder();

        var (code, output, _) = Run("send", "--port", board.Pty.SlavePath, "mode", "train");
        Assert.Equal(0, code);
        Assert.Contains("SetMode: acked", output);
        Assert.Equal(0, Run("send", "--port", board.Pty.SlavePath, "report-period", "500").Code);
        var none = Run("send", "--port", board.Pty.SlavePath, "label", "none");
        Assert.True(none.Code == 0, none.Error);
        Assert.Equal(0, Run("send", "--port", board.Pty.SlavePath, "save").Code);

        CommandMessage[] received = board.Commands.ToArray();
        Assert.Equal([CommandCode.SetMode, CommandCode.SetReportPeriod, CommandCode.SetLabel, CommandCode.SaveCheckpoint], received.Select(c => c.Code));
        Assert.Equal((long)DeviceMode.Train, received[0].Argument);
        Assert.Equal(500, received[1].Argument);
        Assert.Equal(-1, received[2].Argument);
    }

    [Fact]
    public void Send_prints_a_nak_reason_and_fails_on_timeout_and_bad_input()
    {
        using var board = new MonitorFakeBoard(PseudoTerminal.Open()) { Ignore = CommandCode.ResetCounters };
        board.StartResponder();

        var nak = Run("send", "--port", board.Pty.SlavePath, "label", "200");
        Assert.Equal(1, nak.Code);
        Assert.Contains("nak OutOfRange: label 200 >= 6 classes", nak.Error);

        var silent = Run("send", "--port", board.Pty.SlavePath, "--timeout", "0.3", "reset");
        Assert.Equal(TinTinCommandLine.ExitInvalidInput, silent.Code);
        Assert.Contains("no answer", silent.Error);

        Assert.Equal(TinTinCommandLine.ExitInvalidInput, Run("send", "--port", board.Pty.SlavePath, "mode", "fly").Code);
        Assert.Equal(TinTinCommandLine.ExitInvalidInput, Run("send", "--port", board.Pty.SlavePath, "report-period", "5").Code);
        Assert.Equal(TinTinCommandLine.ExitInvalidInput, Run("send", "--port", Path.Combine(_folder, "no-such-tty"), "save").Code);
    }

    [Fact]
    public void Fetch_model_writes_the_boards_file_even_after_a_lost_chunk()
    {
        var model = new Model(new ModelSpec(Shape.Vector(16)).Dense(8).ReLU().Dense(4), new TrainingOptions { Seed = 9 });
        var sample = new sbyte[16];
        for (int i = 0; i < 10; i++)
        {
            sample[i % 16] = (sbyte)(i * 5);
            model.TrainStep(sample, Scale.PowerOfTwo(-7), i % 4);
        }

        var bytes = new byte[ModelFile.GetSize(model)];
        ModelFile.Write(model, bytes, 0);
        using var board = new MonitorFakeBoard(PseudoTerminal.Open()) { Model = bytes, DropChunkOnce = 2 };
        board.StartResponder();
        string path = Path.Combine(_folder, "fetched.ttm");

        var (code, output, error) = Run("send", "--port", board.Pty.SlavePath, "fetch-model", path);
        Assert.True(code == 0, error);
        Assert.Contains($"({bytes.Length} bytes)", output);
        Assert.Equal(bytes, File.ReadAllBytes(path));
        Assert.Equal(2, board.Commands.Count(c => c.Code == CommandCode.SendModel));

        var info = Run("model", "info", path);
        Assert.Equal(0, info.Code);
        Assert.Contains("10 samples trained", info.Output);
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = TinTinCommandLine.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
