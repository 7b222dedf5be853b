// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Globalization;
using System.Text;
using TinTin.Firmware.Core.Link;

namespace TinTin.Monitor;

/// <summary>The monitor's plain output: one line per message, for a redirected stdout, a log file or a pipe.</summary>
public static class PlainLines
{
    /// <summary>Formats a hello.</summary>
    /// <param name="info">The frame.</param>
    /// <param name="hello">The message.</param>
    /// <returns>One line.</returns>
    public static string Hello(FrameInfo info, HelloMessage hello) => Prefix(info, "hello") +
        $"target {hello.TargetName} firmware {hello.FirmwareMajor}.{hello.FirmwareMinor}.{hello.FirmwareBuild}.{hello.FirmwareRevision} " +
        $"protocol {hello.ProtocolMajor}.{hello.ProtocolMinor} model {hello.ModelHash:x8} planned {hello.PlannedBytes} B fpu {(hello.HasFpu ? "yes" : "no")}";

    /// <summary>Formats a counters frame as name=value pairs (ids this version does not know as id:N).</summary>
    /// <param name="info">The frame.</param>
    /// <param name="counters">The message.</param>
    /// <returns>One line.</returns>
    public static string Counters(FrameInfo info, CountersMessage counters)
    {
        var line = new StringBuilder(Prefix(info, "counters"));
        for (int i = 0; i < counters.Count; i++)
        {
            int id = counters.GetId(i);
            string name = Enum.IsDefined(typeof(CounterId), (ushort)id) ? ((CounterId)id).ToString() : "id:" + id.ToString(CultureInfo.InvariantCulture);
            line.Append(i == 0 ? string.Empty : " ").Append(name).Append('=').Append(counters.GetValue(i).ToString(CultureInfo.InvariantCulture));
        }

        return line.ToString();
    }

    /// <summary>Formats an event.</summary>
    /// <param name="info">The frame.</param>
    /// <param name="message">The message.</param>
    /// <returns>One line.</returns>
    public static string Event(FrameInfo info, EventMessage message) => Prefix(info, "event") + EventText(message);

    /// <summary>Formats an event without the frame's prefix.</summary>
    /// <param name="message">The message.</param>
    /// <returns>The code's name, the value and the text.</returns>
    public static string EventText(EventMessage message)
    {
        string code = Enum.IsDefined(typeof(EventCode), (ushort)message.Code) ? ((EventCode)message.Code).ToString() : "code " + message.Code.ToString(CultureInfo.InvariantCulture);
        return $"{code} value {message.Value}" + (string.IsNullOrEmpty(message.Text) ? string.Empty : $" \"{message.Text}\"");
    }

    /// <summary>Formats a log message.</summary>
    /// <param name="info">The frame.</param>
    /// <param name="log">The message.</param>
    /// <returns>One line.</returns>
    public static string Log(FrameInfo info, LogMessage log) => Prefix(info, "log") + $"{log.Level.ToString().ToLowerInvariant()} {log.Text}";

    /// <summary>Formats a prediction.</summary>
    /// <param name="info">The frame.</param>
    /// <param name="prediction">The message.</param>
    /// <returns>One line.</returns>
    public static string Prediction(FrameInfo info, PredictionMessage prediction) => Prefix(info, "prediction") +
        $"window {prediction.WindowSequence} class {prediction.PredictedClass} confidence {prediction.ConfidencePermille}‰" +
        (prediction.Label >= 0 ? $" label {prediction.Label}" : string.Empty) + (prediction.IsNovel ? " novel" : string.Empty);

    /// <summary>Formats a sequence gap.</summary>
    /// <param name="info">The frame after the gap.</param>
    /// <param name="lost">Frames missing just before it.</param>
    /// <param name="total">Frames lost so far.</param>
    /// <returns>One line.</returns>
    public static string Gap(FrameInfo info, int lost, long total) => Prefix(info, "gap") + $"{lost} frame(s) lost before this one ({total} in total)";

    private static string Prefix(FrameInfo info, string kind) =>
        string.Create(CultureInfo.InvariantCulture, $"{info.HostUtc:HH:mm:ss.fff} #{info.Sequence,-5} {info.TimestampUs / 1e6,12:F6}s {kind,-10} ");
}
