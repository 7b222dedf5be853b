// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using TinTin.Manifest.Reading;
using TinTin.Manifest.Reading.Documents;

namespace TinTin.Manifest;

/// <summary>
/// Loads nanoFramework.json, deep-merges nanoFramework.local.json over it when present, validates
/// the result, and throws one <see cref="ManifestException"/> listing every problem.
/// </summary>
public static class ManifestLoader
{
    /// <summary>The committed manifest's file name.</summary>
    public const string FileName = "nanoFramework.json";

    /// <summary>The git-ignored per-machine override's file name (same folder).</summary>
    public const string LocalFileName = "nanoFramework.local.json";

    /// <summary>The only manifest format (schemaVersion) this code reads.</summary>
    public const int SupportedSchemaVersion = 1;

    /// <summary>Loads and validates the manifest.</summary>
    /// <param name="repoRootOrPath">A folder holding nanoFramework.json, or the path of the file itself.</param>
    /// <returns>The validated manifest.</returns>
    /// <exception cref="ManifestException">The file is missing, is not valid JSON, or breaks a rule.</exception>
    public static NanoManifest Load(string repoRootOrPath)
    {
        string baseFile = ResolveBaseFile(repoRootOrPath);
        string localPath = Path.Combine(Path.GetDirectoryName(baseFile)!, LocalFileName);
        string? localFile = File.Exists(localPath) ? localPath : null;

        var parseErrors = new List<ManifestError>();
        JsonObject? root = ParseFile(baseFile, parseErrors);
        JsonObject? local = localFile is null ? null : ParseFile(localFile, parseErrors);
        if (parseErrors.Count > 0)
        {
            throw new ManifestException(parseErrors);
        }

        JsonMerge? merge = null;
        if (local is not null)
        {
            merge = new JsonMerge();
            merge.Apply(root!, local);
        }

        // The merged JSON goes through the serializer into documents that never throw on a wrong
        // type, so the validation pass can report every problem with its path and file.
        ManifestDocument document = root.Deserialize(ManifestJsonContext.Default.ManifestDocument)!;
        var errors = new ErrorCollector(baseFile, localFile, merge);
        NanoManifest? manifest = new ManifestValidator(errors).Validate(document, new ManifestSources(baseFile, localFile, root!));
        if (manifest is null)
        {
            throw new ManifestException(errors.Errors);
        }

        return manifest;
    }

    private static string ResolveBaseFile(string repoRootOrPath)
    {
        string full = Path.GetFullPath(repoRootOrPath);
        if (Directory.Exists(full))
        {
            string candidate = Path.Combine(full, FileName);
            if (!File.Exists(candidate))
            {
                throw new ManifestException(new[] { new ManifestError(candidate, null, $"{FileName} not found: looked in {full}") });
            }

            return candidate;
        }

        if (!File.Exists(full))
        {
            throw new ManifestException(new[] { new ManifestError(full, null, $"no such file or folder (looked for {FileName} at {full})") });
        }

        return full;
    }

    private static JsonObject? ParseFile(string file, List<ManifestError> errors)
    {
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (IOException ex)
        {
            errors.Add(new ManifestError(file, null, $"cannot be read: {ex.Message}"));
            return null;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new ManifestError(file, JsonPath.Root, "the top level must be a JSON object"));
                return null;
            }

            var duplicates = new List<ManifestError>();
            FindDuplicateKeys(file, document.RootElement, JsonPath.Root, duplicates);
            if (duplicates.Count > 0)
            {
                errors.AddRange(duplicates);
                return null;
            }
        }
        catch (JsonException ex)
        {
            errors.Add(new ManifestError(file, null, DescribeSyntaxError(ex)));
            return null;
        }

        return JsonNode.Parse(text)!.AsObject();
    }

    private static string DescribeSyntaxError(JsonException ex)
    {
        // System.Text.Json appends " LineNumber: n | BytePositionInLine: m." (zero-based): restate it one-based.
        string message = ex.Message;
        int cut = message.IndexOf(" LineNumber:", System.StringComparison.Ordinal);
        if (cut >= 0)
        {
            message = message[..cut];
        }

        return ex.LineNumber is null
            ? $"invalid JSON: {message}"
            : $"invalid JSON at line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}: {message}";
    }

    private static void FindDuplicateKeys(string file, JsonElement element, string path, List<ManifestError> errors)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            var seen = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (JsonProperty property in element.EnumerateObject())
            {
                string childPath = JsonPath.Property(path, property.Name);
                if (!seen.Add(property.Name))
                {
                    errors.Add(new ManifestError(file, childPath, $"key '{property.Name}' appears more than once"));
                }

                FindDuplicateKeys(file, property.Value, childPath, errors);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            int index = 0;
            foreach (JsonElement item in element.EnumerateArray())
            {
                FindDuplicateKeys(file, item, JsonPath.Element(path, index++), errors);
            }
        }
    }
}
