// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace TinTin.Manifest.Reading;

/// <summary>Creates the <see cref="JsonFieldConverter{T}"/> for each <see cref="JsonField{T}"/>.</summary>
internal sealed class JsonFieldConverterFactory : JsonConverterFactory
{
    /// <inheritdoc />
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(JsonField<>);

    /// <inheritdoc />
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(JsonFieldConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;
}

/// <summary>
/// Reads one value into a <see cref="JsonField{T}"/>: a value of the expected JSON kind is converted
/// (documents, lists and dictionaries through the serializer's own contracts), anything else is
/// skipped and described for the error message.
/// </summary>
/// <typeparam name="T">The expected type.</typeparam>
internal sealed class JsonFieldConverter<T> : JsonConverter<JsonField<T>>
{
    /// <summary>How the messages name the expected type, e.g. "a whole number".</summary>
    public static readonly string Expected = ExpectedText();

    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override JsonField<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return JsonField<T>.Null();
        }

        if (TryReadScalar(ref reader, out T? scalar))
        {
            return JsonField<T>.Of(scalar!);
        }

        if (IsContainer && reader.TokenType == (IsList ? JsonTokenType.StartArray : JsonTokenType.StartObject))
        {
            return JsonField<T>.Of(JsonSerializer.Deserialize(ref reader, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)))!);
        }

        using JsonDocument found = JsonDocument.ParseValue(ref reader);
        return JsonField<T>.Wrong(Describe(found.RootElement));
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, JsonField<T> value, JsonSerializerOptions options) =>
        throw new NotSupportedException("The manifest documents are only read; the merged JSON is what gets written.");

    private static bool IsList => typeof(IList).IsAssignableFrom(typeof(T));

    private static bool IsContainer => Type.GetTypeCode(typeof(T)) == TypeCode.Object;

    private static bool TryReadScalar(ref Utf8JsonReader reader, out T? value)
    {
        value = default;
        object? read = null;
        JsonTokenType token = reader.TokenType;
        if (typeof(T) == typeof(string) && token == JsonTokenType.String)
        {
            read = reader.GetString();
        }
        else if (typeof(T) == typeof(int) && token == JsonTokenType.Number && reader.TryGetInt32(out int i))
        {
            read = i;
        }
        else if (typeof(T) == typeof(long) && token == JsonTokenType.Number && reader.TryGetInt64(out long l))
        {
            read = l;
        }
        else if (typeof(T) == typeof(double) && token == JsonTokenType.Number && reader.TryGetDouble(out double d))
        {
            read = d;
        }
        else if (typeof(T) == typeof(bool) && token is JsonTokenType.True or JsonTokenType.False)
        {
            read = token == JsonTokenType.True;
        }

        if (read is null)
        {
            return false;
        }

        value = (T)read;
        return true;
    }

    private static string ExpectedText()
    {
        if (typeof(T) == typeof(string))
        {
            return "a string";
        }

        if (typeof(T) == typeof(int) || typeof(T) == typeof(long))
        {
            return "a whole number";
        }

        if (typeof(T) == typeof(double))
        {
            return "a number";
        }

        if (typeof(T) == typeof(bool))
        {
            return "true or false";
        }

        return IsList ? "an array" : "an object";
    }

    /// <summary>Names a value as the messages always have: strings and numbers as written (JSON-escaped), containers by kind.</summary>
    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string {ToJson(element)}",
        JsonValueKind.Number => $"the number {ToJson(element)}",
        _ => ToJson(element),
    };

    private static string ToJson(JsonElement element)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            element.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
