// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using System.Collections.Generic;

namespace TinTin.Monitor;

/// <summary>
/// Keeps a bounded, evenly thinned copy of a whole run, however long: every <see cref="Stride"/>-th item added is
/// kept. When the buffer fills up, every second kept item is dropped and the stride doubles, so the items kept are
/// always those whose index is a multiple of the stride, from the first item on, between <c>Capacity / 2</c> and
/// <c>Capacity</c> of them. Plain picking, not averaging: a kept point is a real frame's values. Not thread-safe.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class DecimatingBuffer<T>
{
    private readonly List<T> _items;
    private long _added;

    /// <summary>Creates an empty buffer.</summary>
    /// <param name="capacity">The most items kept: an even number, at least 2.</param>
    public DecimatingBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        if (capacity % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "the capacity must be even");
        }

        Capacity = capacity;
        _items = new List<T>(capacity);
    }

    /// <summary>Gets the most items kept.</summary>
    public int Capacity { get; }

    /// <summary>Gets the items kept now.</summary>
    public int Count => _items.Count;

    /// <summary>Gets how many added items one kept item stands for (1, 2, 4, ...).</summary>
    public long Stride { get; private set; } = 1;

    /// <summary>Gets how many items were added in all.</summary>
    public long Added => _added;

    /// <summary>Adds an item; it is kept when its index is a multiple of <see cref="Stride"/>.</summary>
    /// <param name="item">The item.</param>
    public void Add(T item)
    {
        long index = _added++;
        if (index % Stride != 0)
        {
            return;
        }

        _items.Add(item);
        if (_items.Count == Capacity)
        {
            // Keep positions 0, 2, 4, ...: the indices that are multiples of the doubled stride.
            int kept = 0;
            for (int i = 0; i < _items.Count; i += 2)
            {
                _items[kept++] = _items[i];
            }

            _items.RemoveRange(kept, _items.Count - kept);
            Stride *= 2;
        }
    }

    /// <summary>Copies the kept items out, oldest first.</summary>
    /// <returns>A new array.</returns>
    public T[] ToArray() => _items.ToArray();

    /// <summary>Removes every item and restarts at stride 1.</summary>
    public void Clear()
    {
        _items.Clear();
        _added = 0;
        Stride = 1;
    }
}
