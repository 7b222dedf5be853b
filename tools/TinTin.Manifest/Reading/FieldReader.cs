// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using TinTin.Manifest.Reading.Documents;

namespace TinTin.Manifest.Reading;

/// <summary>
/// Checks the deserialized fields and reports, instead of throwing: a missing required key, a null
/// where none is allowed or a value of the wrong type becomes an error naming the JSON path, and
/// the read returns null.
/// </summary>
internal sealed class FieldReader
{
    /// <summary>Keys allowed on any object, for comments.</summary>
    public static readonly string[] MetaKeys = { "$comment", "$schema", "note" };

    private readonly ErrorCollector _errors;

    public FieldReader(ErrorCollector errors)
    {
        _errors = errors;
    }

    public static bool IsMeta(string key) => MetaKeys.Contains(key);

    /// <summary>The non-meta entries of an object used as a dictionary (targets, packages, ...).</summary>
    public static IEnumerable<KeyValuePair<string, JsonField<T>>> Entries<T>(Dictionary<string, JsonField<T>> entries) =>
        entries.Where(e => !IsMeta(e.Key));

    /// <summary>Reports the keys that landed in a document's extension data, naming the keys its type allows.</summary>
    /// <typeparam name="TDocument">The document class; its serializer contract lists the allowed keys.</typeparam>
    public void RejectUnknownKeys<TDocument>(Dictionary<string, JsonElement>? extra, string path)
    {
        if (extra is null)
        {
            return;
        }

        string[] known = KnownKeys<TDocument>.Names;
        foreach (string key in extra.Keys.Where(k => !IsMeta(k)))
        {
            _errors.Add(JsonPath.Property(path, key), $"unknown key '{key}' (expected one of: {string.Join(", ", known)})");
        }
    }

    public T? Object<T>(JsonField<T> field, string path, bool required, bool allowNull = false)
        where T : class =>
        Check(field, path, required, allowNull) ? field.Value : null;

    public string? String(JsonField<string> field, string path, bool required, bool allowNull = false) =>
        Check(field, path, required, allowNull) ? field.Value : null;

    public int? Int(JsonField<int> field, string path, bool required, bool allowNull = false) =>
        Check(field, path, required, allowNull) ? field.Value : null;

    public long? Long(JsonField<long> field, string path, bool required, bool allowNull = false) =>
        Check(field, path, required, allowNull) ? field.Value : null;

    public double? Number(JsonField<double> field, string path, bool required) =>
        Check(field, path, required, allowNull: false) ? field.Value : null;

    public bool? Bool(JsonField<bool> field, string path, bool required) =>
        Check(field, path, required, allowNull: false) ? field.Value : null;

    /// <summary>An entry of a dictionary or an array: null counts as a value of the wrong type.</summary>
    public T? Entry<T>(JsonField<T> field, string path)
        where T : class
    {
        if (field.State == JsonFieldState.Present)
        {
            return field.Value;
        }

        WrongType(path, JsonFieldConverter<T>.Expected, field.Found ?? "null");
        return null;
    }

    public void WrongType(string path, string expected, string found) =>
        _errors.Add(path, $"expected {expected} but found {found}");

    /// <returns>True when the field holds a value of the expected type.</returns>
    private bool Check<T>(JsonField<T> field, string path, bool required, bool allowNull)
    {
        switch (field.State)
        {
            case JsonFieldState.Present:
                return true;
            case JsonFieldState.WrongType:
                WrongType(path, JsonFieldConverter<T>.Expected, field.Found!);
                return false;
            case JsonFieldState.Missing when required:
                _errors.Add(path, "required key is missing");
                return false;
            case JsonFieldState.Null when required && !allowNull:
                _errors.Add(path, "must not be null");
                return false;
            default:
                return false;
        }
    }

    /// <summary>The keys a document allows: its serializer contract's property names, meta keys aside.</summary>
    private static class KnownKeys<TDocument>
    {
        public static readonly string[] Names = ManifestJsonContext.Default.GetTypeInfo(typeof(TDocument))!.Properties
            .Where(p => !p.IsExtensionData && !IsMeta(p.Name))
            .Select(p => p.Name)
            .ToArray();
    }
}
