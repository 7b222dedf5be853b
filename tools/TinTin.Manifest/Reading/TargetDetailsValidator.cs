// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using TinTin.Manifest.Reading.Documents;

namespace TinTin.Manifest.Reading;

/// <summary>
/// Checks the board figures of one target: <c>cpu</c>, <c>managedHeapBytes</c> with its
/// <c>heapSource</c>, <c>storage</c>, <c>power</c> and <c>sensors</c>. Every problem becomes an
/// error naming the JSON path; a read that failed returns null.
/// </summary>
internal sealed partial class TargetDetailsValidator
{
    /// <summary>The sensor ids a target may list: the accelerometers the sensors library drives.</summary>
    public static readonly string[] KnownSensors = { "adxl345", "iis3dwb", "mpu6886" };

    private static readonly string[] HeapKinds = { ManagedHeap.Observed, ManagedHeap.Estimated };

    private readonly ErrorCollector _errors;
    private readonly FieldReader _fields;
    private readonly string _path;

    public TargetDetailsValidator(ErrorCollector errors, FieldReader fields, string targetPath)
    {
        _errors = errors;
        _fields = fields;
        _path = targetPath;
    }

    public CpuInfo? ReadCpu(JsonField<CpuDocument> field)
    {
        string path = JsonPath.Property(_path, "cpu");
        CpuDocument? cpu = _fields.Object(field, path, required: true);
        if (cpu is null)
        {
            return null;
        }

        _fields.RejectUnknownKeys<CpuDocument>(cpu.Extra, path);
        string? core = NonEmptyString(cpu.Core, JsonPath.Property(path, "core"), "name the core, e.g. \"Cortex-M0\"");
        string clockPath = JsonPath.Property(path, "clockMhz");
        int? clock = _fields.Int(cpu.ClockMhz, clockPath, required: true);
        if (clock is not null && clock <= 0)
        {
            _errors.Add(clockPath, $"clock must be a positive number of MHz, not {clock}");
            clock = null;
        }

        bool? fpu = _fields.Bool(cpu.Fpu, JsonPath.Property(path, "fpu"), required: true);
        return core is null || clock is null || fpu is null ? null : new CpuInfo(core, clock.Value, fpu.Value);
    }

    public ManagedHeap? ReadHeap(JsonField<int> heapBytes, JsonField<HeapSourceDocument> heapSource)
    {
        string bytesPath = JsonPath.Property(_path, "managedHeapBytes");
        int? bytes = _fields.Int(heapBytes, bytesPath, required: true);
        if (bytes is not null && bytes <= 0)
        {
            _errors.Add(bytesPath, $"the managed heap must be a positive number of bytes, not {bytes}");
            bytes = null;
        }

        string path = JsonPath.Property(_path, "heapSource");
        HeapSourceDocument? source = _fields.Object(heapSource, path, required: true);
        string? kind = null;
        string? from = null;
        if (source is not null)
        {
            _fields.RejectUnknownKeys<HeapSourceDocument>(source.Extra, path);
            string kindPath = JsonPath.Property(path, "kind");
            kind = _fields.String(source.Kind, kindPath, required: true);
            if (kind is not null && !HeapKinds.Contains(kind))
            {
                _errors.Add(kindPath, $"'{kind}' is not a heap source kind ({string.Join(", ", HeapKinds)})");
                kind = null;
            }

            from = NonEmptyString(source.From, JsonPath.Property(path, "from"), "say where the heap figure comes from (a board, an issue, a linker script)");
        }

        return bytes is null || kind is null || from is null ? null : new ManagedHeap(bytes.Value, kind, from);
    }

    /// <summary>Reads <c>storage</c>: required, null for a target without a file system.</summary>
    /// <returns>The storage, or null (both for "none" and for an error; the collector tells them apart).</returns>
    public StorageInfo? ReadStorage(JsonField<StorageDocument> field)
    {
        string path = JsonPath.Property(_path, "storage");
        if (field.State == JsonFieldState.Missing)
        {
            _errors.Add(path, "required key is missing (null when the firmware image has no file system: checkpoints are then disabled)");
            return null;
        }

        StorageDocument? storage = _fields.Object(field, path, required: true, allowNull: true);
        if (storage is null)
        {
            return null;
        }

        _fields.RejectUnknownKeys<StorageDocument>(storage.Extra, path);
        string drivePath = JsonPath.Property(path, "fileSystem");
        string? drive = _fields.String(storage.FileSystem, drivePath, required: true);
        if (drive is not null && !Drive().IsMatch(drive))
        {
            _errors.Add(drivePath, $"'{drive}' is not a drive: expected a letter and a colon, e.g. I:");
            drive = null;
        }

        // bytes is required but may be null (removable media): only a present non-null value is checked further.
        string bytesPath = JsonPath.Property(path, "bytes");
        long? bytes = _fields.Long(storage.Bytes, bytesPath, required: true, allowNull: true);
        bool bytesOk = storage.Bytes.State == JsonFieldState.Null || bytes is not null;
        if (bytes is not null && bytes <= 0)
        {
            _errors.Add(bytesPath, $"the volume size must be a positive number of bytes (or null for removable media), not {bytes}");
            bytesOk = false;
        }

        string? medium = NonEmptyString(storage.Medium, JsonPath.Property(path, "medium"), "say what holds the volume (flash partition, SD card)");
        return drive is null || !bytesOk || medium is null ? null : new StorageInfo(drive, bytes, medium);
    }

    public PowerFigures? ReadPower(JsonField<PowerDocument> field)
    {
        string path = JsonPath.Property(_path, "power");
        PowerDocument? power = _fields.Object(field, path, required: true);
        if (power is null)
        {
            return null;
        }

        _fields.RejectUnknownKeys<PowerDocument>(power.Extra, path);
        double? active = Positive(power.ActiveMilliwatts, JsonPath.Property(path, "activeMilliwatts"), "active power");
        string idlePath = JsonPath.Property(path, "idleMilliwatts");
        double? idle = _fields.Number(power.IdleMilliwatts, idlePath, required: true);
        if (idle is not null && idle < 0)
        {
            _errors.Add(idlePath, $"idle power must not be negative, not {Show(idle.Value)}");
            idle = null;
        }

        if (active is not null && idle is not null && idle > active)
        {
            _errors.Add(idlePath, $"idle power ({Show(idle.Value)} mW) exceeds active power ({Show(active.Value)} mW)");
            idle = null;
        }

        double? voltage = Positive(power.Voltage, JsonPath.Property(path, "voltage"), "the supply voltage");
        string? source = NonEmptyString(power.Source, JsonPath.Property(path, "source"), "name the datasheet (or measurement), the table and the values the figures come from");
        return active is null || idle is null || voltage is null || source is null ? null : new PowerFigures(active.Value, idle.Value, voltage.Value, source);
    }

    public IReadOnlyList<string>? ReadSensors(JsonField<List<JsonField<string>>> field)
    {
        string path = JsonPath.Property(_path, "sensors");
        List<JsonField<string>>? items = _fields.Object(field, path, required: true);
        if (items is null)
        {
            return null;
        }

        var sensors = new List<string>();
        bool ok = true;
        for (int i = 0; i < items.Count; i++)
        {
            string itemPath = JsonPath.Element(path, i);
            string? id = _fields.Entry(items[i], itemPath);
            if (id is null)
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

        if (items.Count == 0)
        {
            _errors.Add(path, "a target must support at least one sensor");
            ok = false;
        }

        return ok ? sensors : null;
    }

    private static string Show(double value) => value.ToString(CultureInfo.InvariantCulture);

    private double? Positive(JsonField<double> field, string path, string what)
    {
        double? value = _fields.Number(field, path, required: true);
        if (value is not null && value <= 0)
        {
            _errors.Add(path, $"{what} must be positive, not {Show(value.Value)}");
            return null;
        }

        return value;
    }

    private string? NonEmptyString(JsonField<string> field, string path, string hint)
    {
        string? text = _fields.String(field, path, required: true);
        if (text is not null && string.IsNullOrWhiteSpace(text))
        {
            _errors.Add(path, $"must not be empty: {hint}");
            return null;
        }

        return text;
    }

    [GeneratedRegex("^[A-Z]:$")]
    private static partial Regex Drive();
}
