// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Text.Json.Serialization;

namespace TinTin.Manifest.Reading;

/// <summary>What a manifest key held.</summary>
internal enum JsonFieldState
{
    /// <summary>The key is not there (the default of a property the serializer never set).</summary>
    Missing,

    /// <summary>The key holds JSON null.</summary>
    Null,

    /// <summary>The key holds a value of the expected type.</summary>
    Present,

    /// <summary>The key holds a value of another type; <see cref="JsonField{T}.Found"/> describes it.</summary>
    WrongType,
}

/// <summary>
/// One manifest value as the serializer found it. Deserialization never throws on a wrong type:
/// the validation pass then reports every problem, with its path, instead of only the first.
/// </summary>
/// <typeparam name="T">The expected type: string, int, long, double, bool, a document class, a list or a dictionary.</typeparam>
[JsonConverter(typeof(JsonFieldConverterFactory))]
internal readonly struct JsonField<T>
{
    private JsonField(JsonFieldState state, T? value, string? found)
    {
        State = state;
        Value = value;
        Found = found;
    }

    /// <summary>What the key held.</summary>
    public JsonFieldState State { get; }

    /// <summary>The value when <see cref="State"/> is <see cref="JsonFieldState.Present"/>.</summary>
    public T? Value { get; }

    /// <summary>The value as the error message names it ("the string \"fast\"", "an array"), when of the wrong type.</summary>
    public string? Found { get; }

    /// <summary>True when the key is there and not null (of the right type or not).</summary>
    public bool IsSet => State is JsonFieldState.Present or JsonFieldState.WrongType;

    public static JsonField<T> Null() => new(JsonFieldState.Null, default, null);

    public static JsonField<T> Of(T value) => new(JsonFieldState.Present, value, null);

    public static JsonField<T> Wrong(string found) => new(JsonFieldState.WrongType, default, found);
}
