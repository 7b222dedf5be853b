// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.Linq;
using TinTin.Manifest.Reading.Documents;

namespace TinTin.Manifest.Reading;

/// <summary>Checks the deserialized manifest document and builds the typed <see cref="NanoManifest"/>.</summary>
internal sealed class ManifestValidator
{
    private readonly ErrorCollector _errors;
    private readonly FieldReader _fields;

    public ManifestValidator(ErrorCollector errors)
    {
        _errors = errors;
        _fields = new FieldReader(errors);
    }

    /// <summary>Checks the whole manifest; returns null when anything is wrong (the errors are in the collector).</summary>
    public NanoManifest? Validate(ManifestDocument document, ManifestSources sources)
    {
        const string path = JsonPath.Root;
        _fields.RejectUnknownKeys<ManifestDocument>(document.Extra, path);

        int? schema = _fields.Int(document.SchemaVersion, "$.schemaVersion", required: true);
        if (schema is not null && schema != ManifestLoader.SupportedSchemaVersion)
        {
            _errors.Add("$.schemaVersion", $"schema version {schema} is not supported (this tool reads {ManifestLoader.SupportedSchemaVersion})");
        }

        string? defaultTarget = _fields.String(document.DefaultTarget, "$.defaultTarget", required: true);
        Dictionary<string, JsonField<TargetDocument>>? targetEntries = _fields.Object(document.Targets, "$.targets", required: true);
        Dictionary<string, TargetBoard>? targets = ReadTargets(targetEntries);

        // Compare with the names written, not the targets that passed, so one broken target does not also fail the default.
        string[] targetNames = targetEntries is null ? Array.Empty<string>() : FieldReader.Entries(targetEntries).Select(e => e.Key).ToArray();
        if (defaultTarget is not null && targetNames.Length > 0 && !targetNames.Contains(defaultTarget))
        {
            _errors.Add("$.defaultTarget", $"'{defaultTarget}' is not one of the targets ({string.Join(", ", targetNames)})");
        }

        NanoffPin? nanoff = ReadNanoff(_fields.Object(document.Nanoff, "$.nanoff", required: true));
        Dictionary<string, PackagePin>? packages = new PackageValidator(_errors, _fields).Validate(_fields.Object(document.Packages, "$.packages", required: true));
        DataLinkSettings? dataLink = new DataLinkValidator(_errors, _fields).Validate(_fields.Object(document.DataLink, "$.dataLink", required: true));

        if (_errors.Errors.Count > 0)
        {
            return null;
        }

        return new NanoManifest(schema!.Value, defaultTarget!, targets!, nanoff!, packages!, dataLink!, sources);
    }

    private Dictionary<string, TargetBoard>? ReadTargets(Dictionary<string, JsonField<TargetDocument>>? entries)
    {
        if (entries is null)
        {
            return null;
        }

        var targets = new Dictionary<string, TargetBoard>(StringComparer.Ordinal);
        foreach ((string name, JsonField<TargetDocument> field) in FieldReader.Entries(entries))
        {
            string path = JsonPath.Property("$.targets", name);
            TargetDocument? document = _fields.Entry(field, path);
            TargetBoard? target = document is null ? null : new TargetValidator(_errors, _fields, path).Validate(name, document);
            if (target is not null)
            {
                targets.Add(name, target);
            }
        }

        if (!FieldReader.Entries(entries).Any())
        {
            _errors.Add("$.targets", "at least one target is required");
        }

        return targets;
    }

    private NanoffPin? ReadNanoff(NanoffDocument? document)
    {
        if (document is null)
        {
            return null;
        }

        const string path = "$.nanoff";
        _fields.RejectUnknownKeys<NanoffDocument>(document.Extra, path);
        string? version = _fields.String(document.Version, "$.nanoff.version", required: true);
        if (version is not null && !VersionText.IsNumeric(version, 3, 4))
        {
            _errors.Add("$.nanoff.version", $"'{version}' is not a nanoff version: expected 3 or 4 dot-separated numbers, e.g. 2.5.126");
            return null;
        }

        string? note = _fields.String(document.Note, "$.nanoff.note", required: false);
        return version is null ? null : new NanoffPin(version, note);
    }
}
