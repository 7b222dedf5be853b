// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Collections.Generic;
using System.Linq;
using TinTin.Manifest.Reading.Documents;

namespace TinTin.Manifest.Reading;

/// <summary>Checks one entry of targets: platform, board, firmware pin, pin map and the board figures.</summary>
internal sealed class TargetValidator
{
    private static readonly string[] Platforms = { "esp32", "stm32" };

    private readonly ErrorCollector _errors;
    private readonly FieldReader _fields;
    private readonly string _path;

    public TargetValidator(ErrorCollector errors, FieldReader fields, string targetPath)
    {
        _errors = errors;
        _fields = fields;
        _path = targetPath;
    }

    /// <returns>The target, or null when anything in it is wrong.</returns>
    public TargetBoard? Validate(string name, TargetDocument document)
    {
        _fields.RejectUnknownKeys<TargetDocument>(document.Extra, _path);
        string platformPath = JsonPath.Property(_path, "platform");
        string? platform = _fields.String(document.Platform, platformPath, required: true);
        if (platform is not null && !Platforms.Contains(platform))
        {
            _errors.Add(platformPath, $"'{platform}' is not a known platform ({string.Join(", ", Platforms)})");
            platform = null;
        }

        string? board = _fields.String(document.Board, JsonPath.Property(_path, "board"), required: true);
        string firmwarePath = JsonPath.Property(_path, "firmware");
        FirmwarePin? firmware = ReadFirmware(_fields.Object(document.Firmware, firmwarePath, required: true), firmwarePath);

        PinMap? pins = null;
        string pinsPath = JsonPath.Property(_path, "pins");
        if (platform == "esp32")
        {
            PinsDocument? pinsDocument = _fields.Object(document.Pins, pinsPath, required: true);
            pins = pinsDocument is null ? null : new PinValidator(_errors, _fields, pinsPath).Validate(pinsDocument);
        }
        else if (platform == "stm32" && document.Pins.IsSet)
        {
            _errors.Add(pinsPath, "stm32 bus pins are fixed by the firmware image: leave pins null");
        }

        var details = new TargetDetailsValidator(_errors, _fields, _path);
        int errorsBefore = _errors.Errors.Count;
        CpuInfo? cpu = details.ReadCpu(document.Cpu);
        ManagedHeap? heap = details.ReadHeap(document.ManagedHeapBytes, document.HeapSource);
        StorageInfo? storage = details.ReadStorage(document.Storage);
        PowerFigures? power = details.ReadPower(document.Power);
        IReadOnlyList<string>? sensors = details.ReadSensors(document.Sensors);
        bool detailsOk = _errors.Errors.Count == errorsBefore && cpu is not null && heap is not null && power is not null && sensors is not null;

        bool complete = detailsOk && platform is not null && board is not null && firmware is not null && (platform != "esp32" || pins is not null);
        return complete ? new TargetBoard(name, platform!, board!, firmware!, pins, cpu!, heap!, storage, power!, sensors!) : null;
    }

    private FirmwarePin? ReadFirmware(FirmwareDocument? document, string path)
    {
        if (document is null)
        {
            return null;
        }

        _fields.RejectUnknownKeys<FirmwareDocument>(document.Extra, path);
        string versionPath = JsonPath.Property(path, "version");
        string? version = _fields.String(document.Version, versionPath, required: true);
        if (version is not null && !VersionText.IsNumeric(version, 4, 4))
        {
            _errors.Add(versionPath, $"'{version}' is not a firmware version: expected 4 dot-separated numbers, e.g. 1.12.4.289");
            version = null;
        }

        bool? verified = _fields.Bool(document.Verified, JsonPath.Property(path, "verified"), required: true);
        string? note = _fields.String(document.Note, JsonPath.Property(path, "note"), required: false);
        return version is not null && verified is not null ? new FirmwarePin(version, verified.Value, note) : null;
    }
}
