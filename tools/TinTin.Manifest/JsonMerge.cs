// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace TinTin.Manifest;

/// <summary>
/// Deep merge of the local override into the committed manifest: objects merge key by key,
/// every other value (scalar, array, null) replaces the committed one. Remembers which paths the
/// override supplied, so an error can name the file its value came from.
/// </summary>
public sealed class JsonMerge
{
    private readonly List<string> _overriddenPaths = new();

    /// <summary>Paths whose value (and everything under it) came from the override.</summary>
    public IReadOnlyList<string> OverriddenPaths => _overriddenPaths;

    /// <summary>Merges <paramref name="overlay"/> into <paramref name="target"/> in place.</summary>
    /// <param name="target">The committed manifest (modified).</param>
    /// <param name="overlay">The local override (not modified).</param>
    public void Apply(JsonObject target, JsonObject overlay) => Apply(target, overlay, JsonPath.Root);

    /// <summary>True when the value at <paramref name="path"/> came from the override.</summary>
    /// <param name="path">A JSON path in the merged document.</param>
    /// <returns>Whether the override supplied it.</returns>
    public bool IsOverridden(string path) => _overriddenPaths.Any(p => JsonPath.IsAtOrUnder(path, p));

    private void Apply(JsonObject target, JsonObject overlay, string path)
    {
        foreach (KeyValuePair<string, JsonNode?> entry in overlay)
        {
            string childPath = JsonPath.Property(path, entry.Key);
            if (target[entry.Key] is JsonObject targetChild && entry.Value is JsonObject overlayChild)
            {
                Apply(targetChild, overlayChild, childPath);
            }
            else
            {
                target[entry.Key] = entry.Value?.DeepClone();
                _overriddenPaths.Add(childPath);
            }
        }
    }
}
