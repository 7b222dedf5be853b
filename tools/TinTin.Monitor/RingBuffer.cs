// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Monitor;

/// <summary>A fixed-capacity FIFO: once full, each new item overwrites the oldest. Not thread-safe.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class RingBuffer<T>
{
    private readonly T[] _items;
    private int _next;

    /// <summary>Creates an empty buffer.</summary>
    /// <param name="capacity">The most items kept (at least 1).</param>
    public RingBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _items = new T[capacity];
    }

    /// <summary>Gets the most items kept.</summary>
    public int Capacity => _items.Length;

    /// <summary>Gets the items kept now.</summary>
    public int Count { get; private set; }

    /// <summary>Adds an item, dropping the oldest when full.</summary>
    /// <param name="item">The item.</param>
    public void Add(T item)
    {
        _items[_next] = item;
        _next = (_next + 1) % _items.Length;
        Count = Math.Min(Count + 1, _items.Length);
    }

    /// <summary>Copies the items out, oldest first.</summary>
    /// <returns>A new array of <see cref="Count"/> items.</returns>
    public T[] ToArray()
    {
        var copy = new T[Count];
        int start = (_next - Count + _items.Length) % _items.Length;
        for (int i = 0; i < Count; i++)
        {
            copy[i] = _items[(start + i) % _items.Length];
        }

        return copy;
    }

    /// <summary>Removes every item.</summary>
    public void Clear()
    {
        Array.Clear(_items);
        _next = 0;
        Count = 0;
    }
}
