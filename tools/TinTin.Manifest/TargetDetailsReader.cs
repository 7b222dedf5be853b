// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TinTin.Manifest;

/// <summary>
/// Reads the board figures of one target: <c>cpu</c>, <c>managedHeapBytes</c> with its
/// <c>heapSource</c>, <c>storage</c>, <c>power</c> and <c>sensors</c>. Every problem becomes an
/// error naming the JSON path; a read that failed returns null.
/// </summary>
internal sealed partial class TargetDetailsReader
{
    /// <summary>The sensor ids a target may list: the accelerometers the sensors library drives.</summary>
    public static readonly string[] KnownSensors = { "adxl345", "iis3dwb", "mpu6886" };

    private static readonly string[] HeapKinds = { ManagedHeap.Observed, ManagedHeap.Estimated };

    private readonly ErrorCollector _errors;
    private readonly JsonFields _fields;
    private readonly string _path;

    public TargetDetailsReader(ErrorCollector errors, JsonFields fields, string targetPath)
    {
        _errors = errors;
        _fields = fields;
        _path = targetPath;
    }

    public CpuInfo? ReadCpu(JsonObject target)
    {
        JsonObject? obj = _fields.Object(target, _path, "cpu", required: true);
        if (obj is null)
        {
            return null;
        }

        string path = JsonPath.Property(_path, "cpu");
        _fields.RejectUnknownKeys(obj, path, "core", "clockMhz", "fpu");
        string? core = NonEmptyString(obj, path, "core", "name the core, e.g. \"Cortex-M0\"");
        int? clock = _fields.Int(obj, path, "clockMhz", required: true);
        if (clock is not null && clock <= 0)
        {
            _errors.Add(JsonPath.Property(path, "clockMhz"), $"clock must be a positive number of MHz, not {clock}");
            clock = null;
        }

        bool? fpu = _fields.Bool(obj, path, "fpu", required: true);
        return core is null || clock is null || fpu is null ? null : new CpuInfo(core, clock.Value, fpu.Value);
    }

    public ManagedHeap? ReadHeap(JsonObject target)
    {
        int? bytes = _fields.Int(target, _path, "managedHeapBytes", required: true);
        if (bytes is not null && bytes <= 0)
        {
            _errors.Add(JsonPath.Property(_path, "managedHeapBytes"), $"the managed heap must be a positive number of bytes, not {bytes}");
            bytes = null;
        }

        JsonObject? source = _fields.Object(target, _path, "heapSource", required: true);
        string? kind = null;
        string? from = null;
        if (source is not null)
        {
            string path = JsonPath.Property(_path, "heapSource");
            _fields.RejectUnknownKeys(source, path, "kind", "from");
            kind = _fields.String(source, path, "kind", required: true);
            if (kind is not null && !HeapKinds.Contains(kind))
            {
                _errors.Add(JsonPath.Property(path, "kind"), $"'{kind}' is not a heap source kind ({string.Join(", ", HeapKinds)})");
                kind = null;
            }

            from = NonEmptyString(source, path, "from", "say where the heap figure comes from (a board, an issue, a linker script)");
        }

        return bytes is null || kind is null || from is null ? null : new ManagedHeap(bytes.Value, kind, from);
    }

    /// <summary>Reads <c>storage</c>: required, null for a target without a file system.</summary>
    /// <returns>The storage, or null (both for "none" and for an error; the collector tells them apart).</returns>
    public StorageInfo? ReadStorage(JsonObject target)
    {
        if (!target.TryGetPropertyValue("storage", out JsonNode? node))
        {
            _errors.Add(JsonPath.Property(_path, "storage"), "required key is missing (null when the firmware image has no file system: checkpoints are then disabled)");
            return null;
        }

        JsonObject? obj = _fields.Object(target, _path, "storage", required: true, allowNull: true);
        if (node is null || obj is null)
        {
            return null;
        }

        string path = JsonPath.Property(_path, "storage");
        _fields.RejectUnknownKeys(obj, path, "fileSystem", "bytes", "medium");
        string? drive = _fields.String(obj, path, "fileSystem", required: true);
        if (drive is not null && !Drive().IsMatch(drive))
        {
            _errors.Add(JsonPath.Property(path, "fileSystem"), $"'{drive}' is not a drive: expected a letter and a colon, e.g. I:");
            drive = null;
        }

        bool hasBytes = obj.TryGetPropertyValue("bytes", out JsonNode? bytesNode);
        long? bytes = _fields.Long(obj, path, "bytes", required: true, allowNull: true);
        bool bytesOk = hasBytes && (bytesNode is null || bytes is not null);
        if (bytes is not null && bytes <= 0)
        {
            _errors.Add(JsonPath.Property(path, "bytes"), $"the volume size must be a positive number of bytes (or null for removable media), not {bytes}");
            bytesOk = false;
        }

        string? medium = NonEmptyString(obj, path, "medium", "say what holds the volume (flash partition, SD card)");
        return drive is null || !bytesOk || medium is null ? null : new StorageInfo(drive, bytes, medium);
    }

    public PowerFigures? ReadPower(JsonObject target)
    {
        JsonObject? obj = _fields.Object(target, _path, "power", required: true);
        if (obj is null)
        {
            return null;
        }

        string path = JsonPath.Property(_path, "power");
        _fields.RejectUnknownKeys(obj, path, "activeMilliwatts", "idleMilliwatts", "voltage", "source");
        double? active = Positive(obj, path, "activeMilliwatts", "active power");
        double? idle = _fields.Number(obj, path, "idleMilliwatts", required: true);
        if (idle is not null && idle < 0)
        {
            _errors.Add(JsonPath.Property(path, "idleMilliwatts"), $"idle power must not be negative, not {Show(idle.Value)}");
            idle = null;
        }

        if (active is not null && idle is not null && idle > active)
        {
            _errors.Add(JsonPath.Property(path, "idleMilliwatts"), $"idle power ({Show(idle.Value)} mW) exceeds active power ({Show(active.Value)} mW)");
            idle = null;
        }

        double? voltage = Positive(obj, path, "voltage", "the supply voltage");
        string? source = NonEmptyString(obj, path, "source", "name the datasheet (or measurement), the table and the values the figures come from");
        return active is null || idle is null || voltage is null || source is null ? null : new PowerFigures(active.Value, idle.Value, voltage.Value, source);
    }

    public IReadOnlyList<string>? ReadSensors(JsonObject target)
    {
        JsonArray? array = _fields.Array(target, _path, "sensors", required: true);
        if (array is null)
        {
            return null;
        }

        string path = JsonPath.Property(_path, "sensors");
        var sensors = new List<string>();
        bool ok = true;
        for (int i = 0; i < array.Count; i++)
        {
            string itemPath = JsonPath.Element(path, i);
            JsonNode? item = array[i];
            string? id = item is null ? null : _fields.StringValue(item, itemPath);
            if (item is null)
            {
                _fields.WrongType(itemPath, "a string", null);
                ok = false;
            }
            else if (id is null)
            {
                ok = false;
            }
            else if (!KnownSensors.Contains(id))
            {
                _errors.Add(itemPath, $"'{id}' is not a known sensor ({string.Join(", ", KnownSensors)})");
                ok = false;
            }
            else if (sensors.Contains(id))
            {
                _errors.Add(itemPath, $"sensor '{id}' is listed twice");
                ok = false;
            }
            else
            {
                sensors.Add(id);
            }
        }

        if (array.Count == 0)
        {
            _errors.Add(path, "a target must support at least one sensor");
            ok = false;
        }

        return ok ? sensors : null;
    }

    private static string Show(double value) => value.ToString(CultureInfo.InvariantCulture);

    private double? Positive(JsonObject obj, string path, string key, string what)
    {
        double? value = _fields.Number(obj, path, key, required: true);
        if (value is not null && value <= 0)
        {
            _errors.Add(JsonPath.Property(path, key), $"{what} must be positive, not {Show(value.Value)}");
            return null;
        }

        return value;
    }

    private string? NonEmptyString(JsonObject obj, string path, string key, string hint)
    {
        string? text = _fields.String(obj, path, key, required: true);
        if (text is not null && string.IsNullOrWhiteSpace(text))
        {
            _errors.Add(JsonPath.Property(path, key), $"must not be empty: {hint}");
            return null;
        }

        return text;
    }

    [GeneratedRegex("^[A-Z]:$")]
    private static partial Regex Drive();
}
