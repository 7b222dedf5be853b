// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TinTin.Manifest;

/// <summary>Validates the merged manifest JSON and builds the typed <see cref="NanoManifest"/>.</summary>
internal sealed partial class ManifestReader
{
    private static readonly string[] Platforms = { "esp32", "stm32" };

    private readonly ErrorCollector _errors;
    private readonly JsonFields _fields;

    public ManifestReader(ErrorCollector errors)
    {
        _errors = errors;
        _fields = new JsonFields(errors);
    }

    /// <summary>Reads the whole manifest; returns null when anything is wrong (the errors are in the collector).</summary>
    public NanoManifest? Read(JsonObject root, ManifestSources sources)
    {
        const string path = JsonPath.Root;
        _fields.RejectUnknownKeys(root, path, "schemaVersion", "defaultTarget", "targets", "nanoff", "packages", "firmware", "dataLink");

        int? schema = _fields.Int(root, path, "schemaVersion", required: true);
        if (schema is not null && schema != ManifestLoader.SupportedSchemaVersion)
        {
            _errors.Add("$.schemaVersion", $"schema version {schema} is not supported (this tool reads {ManifestLoader.SupportedSchemaVersion})");
        }

        string? defaultTarget = _fields.String(root, path, "defaultTarget", required: true);
        JsonObject? targetsObj = _fields.Object(root, path, "targets", required: true);
        Dictionary<string, TargetBoard>? targets = ReadTargets(targetsObj);

        // Compare with the names written, not the targets that parsed, so one broken target does not also fail the default.
        string[] targetNames = targetsObj is null ? System.Array.Empty<string>() : JsonFields.Entries(targetsObj).Select(e => e.Key).ToArray();
        if (defaultTarget is not null && targetNames.Length > 0 && !targetNames.Contains(defaultTarget))
        {
            _errors.Add("$.defaultTarget", $"'{defaultTarget}' is not one of the targets ({string.Join(", ", targetNames)})");
        }

        NanoffPin? nanoff = ReadNanoff(_fields.Object(root, path, "nanoff", required: true));
        Dictionary<string, PackagePin>? packages = ReadPackages(_fields.Object(root, path, "packages", required: true));
        DataLinkSettings? dataLink = ReadDataLink(_fields.Object(root, path, "dataLink", required: true));

        if (_errors.Errors.Count > 0)
        {
            return null;
        }

        return new NanoManifest(schema!.Value, defaultTarget!, targets!, nanoff!, packages!, dataLink!, sources);
    }

    private Dictionary<string, TargetBoard>? ReadTargets(JsonObject? obj)
    {
        if (obj is null)
        {
            return null;
        }

        var targets = new Dictionary<string, TargetBoard>(StringComparer.Ordinal);
        foreach ((string name, JsonNode? node) in JsonFields.Entries(obj))
        {
            string path = JsonPath.Property("$.targets", name);
            if (node is not JsonObject targetObj)
            {
                _fields.WrongType(path, "an object", node);
                continue;
            }

            TargetBoard? target = ReadTarget(name, targetObj, path);
            if (target is not null)
            {
                targets.Add(name, target);
            }
        }

        if (!JsonFields.Entries(obj).Any())
        {
            _errors.Add("$.targets", "at least one target is required");
        }

        return targets;
    }

    private TargetBoard? ReadTarget(string name, JsonObject obj, string path)
    {
        _fields.RejectUnknownKeys(obj, path, "platform", "board", "firmware", "pins", "cpu", "managedHeapBytes", "heapSource", "storage", "power", "sensors");
        string? platform = _fields.String(obj, path, "platform", required: true);
        if (platform is not null && !Platforms.Contains(platform))
        {
            _errors.Add(JsonPath.Property(path, "platform"), $"'{platform}' is not a known platform ({string.Join(", ", Platforms)})");
            platform = null;
        }

        string? board = _fields.String(obj, path, "board", required: true);
        FirmwarePin? firmware = ReadFirmware(_fields.Object(obj, path, "firmware", required: true), JsonPath.Property(path, "firmware"));

        PinMap? pins = null;
        string pinsPath = JsonPath.Property(path, "pins");
        if (platform == "esp32")
        {
            JsonObject? pinsObj = _fields.Object(obj, path, "pins", required: true);
            pins = pinsObj is null ? null : new PinReader(_errors, _fields, pinsPath).Read(pinsObj);
        }
        else if (platform == "stm32" && obj.TryGetPropertyValue("pins", out JsonNode? stmPins) && stmPins is not null)
        {
            _errors.Add(pinsPath, "stm32 bus pins are fixed by the firmware image: leave pins null");
        }

        var details = new TargetDetailsReader(_errors, _fields, path);
        int errorsBefore = _errors.Errors.Count;
        CpuInfo? cpu = details.ReadCpu(obj);
        ManagedHeap? heap = details.ReadHeap(obj);
        StorageInfo? storage = details.ReadStorage(obj);
        PowerFigures? power = details.ReadPower(obj);
        IReadOnlyList<string>? sensors = details.ReadSensors(obj);
        bool detailsOk = _errors.Errors.Count == errorsBefore && cpu is not null && heap is not null && power is not null && sensors is not null;

        bool complete = detailsOk && platform is not null && board is not null && firmware is not null && (platform != "esp32" || pins is not null);
        return complete ? new TargetBoard(name, platform!, board!, firmware!, pins, cpu!, heap!, storage, power!, sensors!) : null;
    }

    private FirmwarePin? ReadFirmware(JsonObject? obj, string path)
    {
        if (obj is null)
        {
            return null;
        }

        _fields.RejectUnknownKeys(obj, path, "version", "verified");
        string? version = _fields.String(obj, path, "version", required: true);
        if (version is not null && !VersionText.IsNumeric(version, 4, 4))
        {
            _errors.Add(JsonPath.Property(path, "version"), $"'{version}' is not a firmware version: expected 4 dot-separated numbers, e.g. 1.12.4.289");
            version = null;
        }

        bool? verified = _fields.Bool(obj, path, "verified", required: true);
        string? note = _fields.String(obj, path, "note", required: false);
        return version is not null && verified is not null ? new FirmwarePin(version, verified.Value, note) : null;
    }

    private NanoffPin? ReadNanoff(JsonObject? obj)
    {
        if (obj is null)
        {
            return null;
        }

        const string path = "$.nanoff";
        _fields.RejectUnknownKeys(obj, path, "version");
        string? version = _fields.String(obj, path, "version", required: true);
        if (version is not null && !VersionText.IsNumeric(version, 3, 4))
        {
            _errors.Add("$.nanoff.version", $"'{version}' is not a nanoff version: expected 3 or 4 dot-separated numbers, e.g. 2.5.126");
            return null;
        }

        string? note = _fields.String(obj, path, "note", required: false);
        return version is null ? null : new NanoffPin(version, note);
    }

    private Dictionary<string, PackagePin>? ReadPackages(JsonObject? obj)
    {
        if (obj is null)
        {
            return null;
        }

        var packages = new Dictionary<string, PackagePin>(StringComparer.Ordinal);
        foreach ((string id, JsonNode? node) in JsonFields.Entries(obj))
        {
            string path = JsonPath.Property("$.packages", id);
            if (node is not JsonObject packageObj)
            {
                _fields.WrongType(path, "an object", node);
                continue;
            }

            PackagePin? package = ReadPackage(id, packageObj, path);
            if (package is not null)
            {
                packages.Add(id, package);
            }
        }

        CheckDependencies(packages, JsonFields.Entries(obj).Select(e => e.Key).ToHashSet(StringComparer.Ordinal));
        return packages;
    }

    private PackagePin? ReadPackage(string id, JsonObject obj, string path)
    {
        _fields.RejectUnknownKeys(obj, path, "version", "assemblies", "dependencies", "developmentDependency");
        if (!PackageId().IsMatch(id))
        {
            _errors.Add(path, $"'{id}' is not a NuGet package id");
        }

        string? version = ReadPackageVersion(obj, path, "version");

        var assemblies = new List<string>();
        JsonArray? assemblyArray = _fields.Array(obj, path, "assemblies", required: true);
        string assembliesPath = JsonPath.Property(path, "assemblies");
        if (assemblyArray is not null)
        {
            for (int i = 0; i < assemblyArray.Count; i++)
            {
                string itemPath = JsonPath.Element(assembliesPath, i);
                JsonNode? item = assemblyArray[i];
                string? name = item is null ? null : _fields.StringValue(item, itemPath);
                if (item is null)
                {
                    _fields.WrongType(itemPath, "a string", null);
                }
                else if (name is not null && string.IsNullOrWhiteSpace(name))
                {
                    _errors.Add(itemPath, "assembly name is empty");
                }
                else if (name is not null && assemblies.Contains(name))
                {
                    _errors.Add(itemPath, $"assembly '{name}' is listed twice");
                }
                else if (name is not null)
                {
                    assemblies.Add(name);
                }
            }

            if (assemblyArray.Count == 0)
            {
                _errors.Add(assembliesPath, "a package must list at least one assembly");
            }
        }

        var dependencies = new Dictionary<string, string>(StringComparer.Ordinal);
        JsonObject? dependencyObj = _fields.Object(obj, path, "dependencies", required: false);
        if (dependencyObj is not null)
        {
            string dependenciesPath = JsonPath.Property(path, "dependencies");
            foreach ((string dependencyId, _) in JsonFields.Entries(dependencyObj))
            {
                string? minimum = ReadPackageVersion(dependencyObj, dependenciesPath, dependencyId);
                if (minimum is not null)
                {
                    dependencies.Add(dependencyId, minimum);
                }
            }
        }

        bool developmentDependency = _fields.Bool(obj, path, "developmentDependency", required: false) ?? false;
        return version is null || assemblyArray is null ? null : new PackagePin(id, version, assemblies, dependencies, developmentDependency);
    }

    private string? ReadPackageVersion(JsonObject obj, string parentPath, string key)
    {
        string? version = _fields.String(obj, parentPath, key, required: true);
        if (version is not null && !VersionText.IsNumeric(version, 3, 4))
        {
            _errors.Add(JsonPath.Property(parentPath, key), $"'{version}' is not a package version: expected 3 or 4 dot-separated numbers, e.g. 1.17.11");
            return null;
        }

        return version;
    }

    /// <param name="packages">The packages that parsed.</param>
    /// <param name="listedIds">Every id written under packages, parsed or not (a broken entry is reported once, not again by its dependents).</param>
    private void CheckDependencies(Dictionary<string, PackagePin> packages, HashSet<string> listedIds)
    {
        foreach (PackagePin package in packages.Values)
        {
            foreach ((string dependencyId, string minimum) in package.Dependencies)
            {
                string path = JsonPath.Property(JsonPath.Property(JsonPath.Property("$.packages", package.Id), "dependencies"), dependencyId);
                if (!listedIds.Contains(dependencyId))
                {
                    _errors.Add(path, $"dependency '{dependencyId}' is not listed in packages");
                }
                else if (packages.TryGetValue(dependencyId, out PackagePin? dependency) && VersionText.Compare(dependency.Version, minimum) < 0)
                {
                    _errors.Add(path, $"{package.Id} needs {dependencyId} >= {minimum}, but {dependency.Version} is pinned");
                }
            }
        }
    }

    private DataLinkSettings? ReadDataLink(JsonObject? obj)
    {
        if (obj is null)
        {
            return null;
        }

        const string path = "$.dataLink";
        _fields.RejectUnknownKeys(obj, path, "uart", "baudRate", "frameFormatVersion", "hostPort");

        string? uart = _fields.String(obj, path, "uart", required: true);
        if (uart is not null && !UartName().IsMatch(uart))
        {
            _errors.Add("$.dataLink.uart", $"'{uart}' is not a device UART name: expected COM1..COM99");
            uart = null;
        }

        int? baud = _fields.Int(obj, path, "baudRate", required: true);
        if (baud is not null && baud <= 0)
        {
            _errors.Add("$.dataLink.baudRate", $"baud rate must be positive, not {baud}");
            baud = null;
        }

        int? frameFormat = _fields.Int(obj, path, "frameFormatVersion", required: true);
        if (frameFormat is not null && frameFormat < 1)
        {
            _errors.Add("$.dataLink.frameFormatVersion", $"frame format version must be 1 or more, not {frameFormat}");
            frameFormat = null;
        }

        string? hostPort = _fields.String(obj, path, "hostPort", required: false, allowNull: true);
        if (hostPort is not null && string.IsNullOrWhiteSpace(hostPort))
        {
            _errors.Add("$.dataLink.hostPort", "host port is blank: use null for none");
        }
        else if (hostPort is not null && _errors.CameFromBase("$.dataLink.hostPort"))
        {
            _errors.Add("$.dataLink.hostPort", $"a machine's serial port does not belong in the committed manifest: set it in {ManifestLoader.LocalFileName} and leave null here");
        }

        return uart is not null && baud is not null && frameFormat is not null ? new DataLinkSettings(uart, baud.Value, frameFormat.Value, hostPort) : null;
    }

    [GeneratedRegex("^[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*$")]
    private static partial Regex PackageId();

    [GeneratedRegex("^COM[1-9][0-9]?$")]
    private static partial Regex UartName();
}
