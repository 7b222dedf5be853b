// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.Linq;
using TinTin.Manifest.Reading.Documents;

namespace TinTin.Manifest.Reading;

/// <summary>Checks dataLink.protocol: serial settings (8N1 and flow control), framing, checksum, versions and sizes.</summary>
internal sealed class DataLinkProtocolValidator
{
    private const string SectionPath = "$.dataLink.protocol";

    private static readonly Dictionary<string, LinkParity> Parities = new(StringComparer.Ordinal)
    {
        ["none"] = LinkParity.None,
        ["odd"] = LinkParity.Odd,
        ["even"] = LinkParity.Even,
    };

    private static readonly Dictionary<string, LinkFlowControl> FlowControls = new(StringComparer.Ordinal)
    {
        ["none"] = LinkFlowControl.None,
        ["xonxoff"] = LinkFlowControl.XonXoff,
        ["rtscts"] = LinkFlowControl.RtsCts,
    };

    // The host tools decode only these; another value would describe a link nobody here can read.
    private static readonly string[] Framings = { DataLinkProtocol.Cobs };
    private static readonly string[] Checksums = { DataLinkProtocol.Crc32 };

    private readonly ErrorCollector _errors;
    private readonly FieldReader _fields;

    public DataLinkProtocolValidator(ErrorCollector errors, FieldReader fields)
    {
        _errors = errors;
        _fields = fields;
    }

    /// <returns>The protocol, or null when anything in it is wrong.</returns>
    public DataLinkProtocol? Validate(DataLinkProtocolDocument document)
    {
        _fields.RejectUnknownKeys<DataLinkProtocolDocument>(document.Extra, SectionPath);

        int? dataBits = Within(document.DataBits, "dataBits", 5, 8, v => $"data bits must be 5 to 8, not {v}");
        string? parityText = Choice(document.Parity, "parity", Parities.Keys, "a parity");
        int? stopBits = Within(document.StopBits, "stopBits", 1, 2, v => $"stop bits must be 1 or 2, not {v}");
        string? flowControlText = Choice(document.FlowControl, "flowControl", FlowControls.Keys, "a flow control");
        string? framing = Choice(document.Framing, "framing", Framings, "a framing the host tools decode");
        string? checksum = Choice(document.Checksum, "checksum", Checksums, "a checksum the host tools check");
        int? minor = Within(document.MinorVersion, "minorVersion", 0, int.MaxValue, v => $"minor version must not be negative, not {v}");
        int? maxPayload = Within(document.MaxPayloadBytes, "maxPayloadBytes", 1, int.MaxValue, v => $"the largest payload must be a positive number of bytes, not {v}");
        int? maxFrame = Within(document.MaxFrameBytes, "maxFrameBytes", 1, int.MaxValue, v => $"the largest frame must be a positive number of bytes, not {v}");
        if (maxFrame is not null && maxPayload is not null && maxFrame <= maxPayload)
        {
            _errors.Add(
                JsonPath.Property(SectionPath, "maxFrameBytes"),
                $"the largest frame ({maxFrame} bytes) must exceed the largest payload ({maxPayload} bytes): a frame adds its header and CRC");
            maxFrame = null;
        }

        int? reportPeriod = Within(document.DefaultReportPeriodMs, "defaultReportPeriodMs", 1, int.MaxValue, v => $"the report period must be a positive number of milliseconds, not {v}");

        bool complete = dataBits is not null && parityText is not null && stopBits is not null && flowControlText is not null && framing is not null
            && checksum is not null && minor is not null && maxPayload is not null && maxFrame is not null && reportPeriod is not null;
        return complete
            ? new DataLinkProtocol(
                dataBits!.Value, Parities[parityText!], stopBits!.Value, FlowControls[flowControlText!], framing!, checksum!, minor!.Value, maxPayload!.Value, maxFrame!.Value, reportPeriod!.Value)
            : null;
    }

    private int? Within(JsonField<int> field, string key, int min, int max, Func<int, string> message)
    {
        string path = JsonPath.Property(SectionPath, key);
        int? value = _fields.Int(field, path, required: true);
        if (value is not null && (value < min || value > max))
        {
            _errors.Add(path, message(value.Value));
            return null;
        }

        return value;
    }

    /// <returns>The text when it is one of <paramref name="choices"/>, else null.</returns>
    private string? Choice(JsonField<string> field, string key, IEnumerable<string> choices, string what)
    {
        string path = JsonPath.Property(SectionPath, key);
        string? text = _fields.String(field, path, required: true);
        if (text is not null && !choices.Contains(text))
        {
            _errors.Add(path, $"'{text}' is not {what} ({string.Join(", ", choices)})");
            return null;
        }

        return text;
    }
}
