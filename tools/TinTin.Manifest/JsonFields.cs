// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TinTin.Manifest;

/// <summary>
/// Typed reads of object properties that report, instead of throw: a missing required key or a
/// value of the wrong type becomes an error naming the JSON path, and the read returns null.
/// </summary>
internal sealed class JsonFields
{
    /// <summary>Keys allowed on any object, for comments.</summary>
    public static readonly string[] MetaKeys = { "$comment", "$schema", "note" };

    private readonly ErrorCollector _errors;

    public JsonFields(ErrorCollector errors)
    {
        _errors = errors;
    }

    public static bool IsMeta(string key) => MetaKeys.Contains(key);

    /// <summary>The non-meta entries of an object used as a dictionary (targets, packages, ...).</summary>
    public static IEnumerable<KeyValuePair<string, JsonNode?>> Entries(JsonObject obj) => obj.Where(e => !IsMeta(e.Key));

    public void RejectUnknownKeys(JsonObject obj, string path, params string[] known)
    {
        foreach (string key in obj.Select(e => e.Key).Where(k => !known.Contains(k) && !IsMeta(k)))
        {
            _errors.Add(JsonPath.Property(path, key), $"unknown key '{key}' (expected one of: {string.Join(", ", known)})");
        }
    }

    public JsonObject? Object(JsonObject parent, string parentPath, string key, bool required, bool allowNull = false)
    {
        JsonNode? node = Get(parent, parentPath, key, required, allowNull, out string path, out bool present);
        if (!present || node is null)
        {
            return null;
        }

        if (node is JsonObject obj)
        {
            return obj;
        }

        WrongType(path, "an object", node);
        return null;
    }

    public JsonArray? Array(JsonObject parent, string parentPath, string key, bool required)
    {
        JsonNode? node = Get(parent, parentPath, key, required, allowNull: false, out string path, out bool present);
        if (!present || node is null)
        {
            return null;
        }

        if (node is JsonArray array)
        {
            return array;
        }

        WrongType(path, "an array", node);
        return null;
    }

    public string? String(JsonObject parent, string parentPath, string key, bool required, bool allowNull = false)
    {
        JsonNode? node = Get(parent, parentPath, key, required, allowNull, out string path, out bool present);
        return present && node is not null ? StringValue(node, path) : null;
    }

    public string? StringValue(JsonNode node, string path)
    {
        if (node.GetValueKind() == JsonValueKind.String)
        {
            return node.GetValue<string>();
        }

        WrongType(path, "a string", node);
        return null;
    }

    public int? Int(JsonObject parent, string parentPath, string key, bool required, bool allowNull = false)
    {
        JsonNode? node = Get(parent, parentPath, key, required, allowNull, out string path, out bool present);
        return present && node is not null ? IntValue(node, path) : null;
    }

    public int? IntValue(JsonNode node, string path)
    {
        if (node.GetValueKind() == JsonValueKind.Number && node.AsValue().TryGetValue(out int value))
        {
            return value;
        }

        WrongType(path, "a whole number", node);
        return null;
    }

    public double? Number(JsonObject parent, string parentPath, string key, bool required, bool allowNull = false)
    {
        JsonNode? node = Get(parent, parentPath, key, required, allowNull, out string path, out bool present);
        if (!present || node is null)
        {
            return null;
        }

        if (node.GetValueKind() == JsonValueKind.Number && node.AsValue().TryGetValue(out double value))
        {
            return value;
        }

        WrongType(path, "a number", node);
        return null;
    }

    public long? Long(JsonObject parent, string parentPath, string key, bool required, bool allowNull = false)
    {
        JsonNode? node = Get(parent, parentPath, key, required, allowNull, out string path, out bool present);
        if (!present || node is null)
        {
            return null;
        }

        if (node.GetValueKind() == JsonValueKind.Number && node.AsValue().TryGetValue(out long value))
        {
            return value;
        }

        WrongType(path, "a whole number", node);
        return null;
    }

    public bool? Bool(JsonObject parent, string parentPath, string key, bool required)
    {
        JsonNode? node = Get(parent, parentPath, key, required, allowNull: false, out string path, out bool present);
        if (!present || node is null)
        {
            return null;
        }

        JsonValueKind kind = node.GetValueKind();
        if (kind is JsonValueKind.True or JsonValueKind.False)
        {
            return kind == JsonValueKind.True;
        }

        WrongType(path, "true or false", node);
        return null;
    }

    public void WrongType(string path, string expected, JsonNode? node) =>
        _errors.Add(path, $"expected {expected} but found {Describe(node)}");

    private static string Describe(JsonNode? node)
    {
        if (node is null)
        {
            return "null";
        }

        return node.GetValueKind() switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => $"the string {node.ToJsonString()}",
            JsonValueKind.Number => $"the number {node.ToJsonString()}",
            JsonValueKind.True or JsonValueKind.False => node.ToJsonString(),
            _ => node.ToJsonString(),
        };
    }

    private JsonNode? Get(JsonObject parent, string parentPath, string key, bool required, bool allowNull, out string path, out bool present)
    {
        path = JsonPath.Property(parentPath, key);
        present = parent.TryGetPropertyValue(key, out JsonNode? node);
        if (!present)
        {
            if (required)
            {
                _errors.Add(path, "required key is missing");
            }

            return null;
        }

        if (node is null && !allowNull)
        {
            if (required)
            {
                _errors.Add(path, "must not be null");
            }

            present = false;
        }

        return node;
    }
}
