// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using TinTin.Manifest.Reading.Documents;

namespace TinTin.Manifest.Reading;

/// <summary>Checks the packages section: ids, versions, assemblies, and that every dependency is pinned high enough.</summary>
internal sealed partial class PackageValidator
{
    private const string SectionPath = "$.packages";

    private readonly ErrorCollector _errors;
    private readonly FieldReader _fields;

    public PackageValidator(ErrorCollector errors, FieldReader fields)
    {
        _errors = errors;
        _fields = fields;
    }

    /// <returns>The packages that passed, or null when the section is missing.</returns>
    public Dictionary<string, PackagePin>? Validate(Dictionary<string, JsonField<PackageDocument>>? entries)
    {
        if (entries is null)
        {
            return null;
        }

        var packages = new Dictionary<string, PackagePin>(StringComparer.Ordinal);
        foreach ((string id, JsonField<PackageDocument> field) in FieldReader.Entries(entries))
        {
            string path = JsonPath.Property(SectionPath, id);
            PackageDocument? document = _fields.Entry(field, path);
            PackagePin? package = document is null ? null : ReadPackage(id, document, path);
            if (package is not null)
            {
                packages.Add(id, package);
            }
        }

        CheckDependencies(packages, FieldReader.Entries(entries).Select(e => e.Key).ToHashSet(StringComparer.Ordinal));
        return packages;
    }

    private PackagePin? ReadPackage(string id, PackageDocument document, string path)
    {
        _fields.RejectUnknownKeys<PackageDocument>(document.Extra, path);
        if (!PackageId().IsMatch(id))
        {
            _errors.Add(path, $"'{id}' is not a NuGet package id");
        }

        string? version = ReadVersion(document.Version, JsonPath.Property(path, "version"));

        var assemblies = new List<string>();
        string assembliesPath = JsonPath.Property(path, "assemblies");
        List<JsonField<string>>? items = _fields.Object(document.Assemblies, assembliesPath, required: true);
        if (items is not null)
        {
            for (int i = 0; i < items.Count; i++)
            {
                string itemPath = JsonPath.Element(assembliesPath, i);
                string? name = _fields.Entry(items[i], itemPath);
                if (name is not null && string.IsNullOrWhiteSpace(name))
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

            if (items.Count == 0)
            {
                _errors.Add(assembliesPath, "a package must list at least one assembly");
            }
        }

        var dependencies = new Dictionary<string, string>(StringComparer.Ordinal);
        string dependenciesPath = JsonPath.Property(path, "dependencies");
        Dictionary<string, JsonField<string>>? dependencyEntries = _fields.Object(document.Dependencies, dependenciesPath, required: false);
        if (dependencyEntries is not null)
        {
            foreach ((string dependencyId, JsonField<string> field) in FieldReader.Entries(dependencyEntries))
            {
                string? minimum = ReadVersion(field, JsonPath.Property(dependenciesPath, dependencyId));
                if (minimum is not null)
                {
                    dependencies.Add(dependencyId, minimum);
                }
            }
        }

        bool developmentDependency = _fields.Bool(document.DevelopmentDependency, JsonPath.Property(path, "developmentDependency"), required: false) ?? false;
        return version is null || items is null ? null : new PackagePin(id, version, assemblies, dependencies, developmentDependency);
    }

    private string? ReadVersion(JsonField<string> field, string path)
    {
        string? version = _fields.String(field, path, required: true);
        if (version is not null && !VersionText.IsNumeric(version, 3, 4))
        {
            _errors.Add(path, $"'{version}' is not a package version: expected 3 or 4 dot-separated numbers, e.g. 1.17.11");
            return null;
        }

        return version;
    }

    /// <param name="packages">The packages that passed.</param>
    /// <param name="listedIds">Every id written under packages, passed or not (a broken entry is reported once, not again by its dependents).</param>
    private void CheckDependencies(Dictionary<string, PackagePin> packages, HashSet<string> listedIds)
    {
        foreach (PackagePin package in packages.Values)
        {
            foreach ((string dependencyId, string minimum) in package.Dependencies)
            {
                string path = JsonPath.Property(JsonPath.Property(JsonPath.Property(SectionPath, package.Id), "dependencies"), dependencyId);
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

    [GeneratedRegex("^[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*$")]
    private static partial Regex PackageId();
}
