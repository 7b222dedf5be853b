// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Linq;
using System.Text.RegularExpressions;
using TinTin.Manifest.Reading.Documents;

namespace TinTin.Manifest.Reading;

/// <summary>Checks the dataLink section: the device UART, its settings, the frame rules and the host's port.</summary>
internal sealed partial class DataLinkValidator
{
    private const string SectionPath = "$.dataLink";

    private readonly ErrorCollector _errors;
    private readonly FieldReader _fields;

    public DataLinkValidator(ErrorCollector errors, FieldReader fields)
    {
        _errors = errors;
        _fields = fields;
    }

    /// <returns>The link, or null when the section is missing or anything in it is wrong.</returns>
    public DataLinkSettings? Validate(DataLinkDocument? document)
    {
        if (document is null)
        {
            return null;
        }

        _fields.RejectUnknownKeys<DataLinkDocument>(document.Extra, SectionPath);

        string? uart = _fields.String(document.Uart, "$.dataLink.uart", required: true);
        if (uart is not null && !UartName().IsMatch(uart))
        {
            _errors.Add("$.dataLink.uart", $"'{uart}' is not a device UART name: expected COM1..COM99");
            uart = null;
        }

        int? baud = _fields.Int(document.BaudRate, "$.dataLink.baudRate", required: true);
        if (baud is not null && baud <= 0)
        {
            _errors.Add("$.dataLink.baudRate", $"baud rate must be positive, not {baud}");
            baud = null;
        }

        int? frameFormat = _fields.Int(document.FrameFormatVersion, "$.dataLink.frameFormatVersion", required: true);
        if (frameFormat is not null && frameFormat < 1)
        {
            _errors.Add("$.dataLink.frameFormatVersion", $"frame format version must be 1 or more, not {frameFormat}");
            frameFormat = null;
        }

        string? hostPort = _fields.String(document.HostPort, "$.dataLink.hostPort", required: false, allowNull: true);
        if (hostPort is not null && string.IsNullOrWhiteSpace(hostPort))
        {
            _errors.Add("$.dataLink.hostPort", "host port is blank: use null for none");
        }
        else if (hostPort is not null && _errors.CameFromBase("$.dataLink.hostPort"))
        {
            _errors.Add("$.dataLink.hostPort", $"a machine's serial port does not belong in the committed manifest: set it in {ManifestLoader.LocalFileName} and leave null here");
        }

        // Required: the monitor and the simulator open their ports with these settings.
        int errorsBefore = _errors.Errors.Count;
        DataLinkProtocolDocument? protocolDocument = _fields.Object(document.Protocol, "$.dataLink.protocol", required: true);
        DataLinkProtocol? protocol = protocolDocument is null ? null : new DataLinkProtocolValidator(_errors, _fields).Validate(protocolDocument);
        bool protocolOk = _errors.Errors.Count == errorsBefore;

        return uart is not null && baud is not null && frameFormat is not null && protocolOk
            ? new DataLinkSettings(uart, baud.Value, frameFormat.Value, hostPort) { Protocol = protocol }
            : null;
    }

    [GeneratedRegex("^COM[1-9][0-9]?$")]
    private static partial Regex UartName();
}
