// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Firmware.Core.Link
{
    /// <summary>
    /// <see cref="MessageType.Counters"/>: a list of (counter id, value) pairs, so counters can be added without
    /// changing the layout. Ids are <see cref="CounterId"/>; a reader keeps ids it does not know.
    /// </summary>
    /// <remarks>
    /// Payload: count N u8 (0 to 96), then N entries of id u16 and value int64. Ids are not 0 and not repeated;
    /// known ids must be in their range (<see cref="IsInRange"/>). Storage is allocated once: reading and writing
    /// allocate nothing.
    /// </remarks>
    public sealed class CountersMessage
    {
        /// <summary>The most entries in one payload.</summary>
        public const int MaxCounters = 96;

        /// <summary>Bytes per entry: id u16 and value int64.</summary>
        public const int EntryLength = 10;

        private readonly int[] _ids = new int[MaxCounters];
        private readonly long[] _values = new long[MaxCounters];
        private int _count;

        /// <summary>The number of entries.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Removes every entry.</summary>
        public void Clear()
        {
            _count = 0;
        }

        /// <summary>Sets a counter: replaces its value if present, else appends it.</summary>
        /// <param name="id">The counter id.</param>
        /// <param name="value">The value.</param>
        /// <exception cref="ArgumentOutOfRangeException">The id is 0, the value is outside the id's range, or the list is full.</exception>
        public void Set(CounterId id, long value)
        {
            SetRaw((int)id, value);
        }

        /// <summary>Sets a counter by its numeric id (also ids this build does not name).</summary>
        /// <param name="id">The counter id, 1 to 65535.</param>
        /// <param name="value">The value.</param>
        /// <exception cref="ArgumentOutOfRangeException">The id is 0, the value is outside the id's range, or the list is full.</exception>
        public void SetRaw(int id, long value)
        {
            if (id < 1 || id > 0xFFFF || !IsInRange(id, value))
            {
                throw new ArgumentOutOfRangeException(nameof(value), "counter id or value out of range");
            }

            int i = IndexOf(id);
            if (i < 0)
            {
                if (_count == MaxCounters)
                {
                    throw new ArgumentOutOfRangeException(nameof(id), "the counters list is full");
                }

                i = _count++;
                _ids[i] = id;
            }

            _values[i] = value;
        }

        /// <summary>The id of an entry.</summary>
        /// <param name="index">0 to <see cref="Count"/> - 1.</param>
        /// <returns>The id.</returns>
        public int GetId(int index)
        {
            CheckIndex(index);
            return _ids[index];
        }

        /// <summary>The value of an entry.</summary>
        /// <param name="index">0 to <see cref="Count"/> - 1.</param>
        /// <returns>The value.</returns>
        public long GetValue(int index)
        {
            CheckIndex(index);
            return _values[index];
        }

        /// <summary>Looks a counter up by id.</summary>
        /// <param name="id">The id.</param>
        /// <param name="value">The value, or 0 when absent.</param>
        /// <returns>True when present.</returns>
        public bool TryGetValue(CounterId id, out long value)
        {
            int i = IndexOf((int)id);
            value = i < 0 ? 0 : _values[i];
            return i >= 0;
        }

        /// <summary>Writes the payload.</summary>
        /// <param name="buffer">The destination, with room for 1 + 10 × <see cref="Count"/> bytes.</param>
        /// <param name="offset">The first byte.</param>
        /// <returns>The payload length.</returns>
        public int Write(byte[] buffer, int offset)
        {
            buffer[offset] = (byte)_count;
            int o = offset + 1;
            for (int i = 0; i < _count; i++)
            {
                ByteOrder.WriteUInt16(buffer, o, _ids[i]);
                ByteOrder.WriteInt64(buffer, o + 2, _values[i]);
                o += EntryLength;
            }

            return o - offset;
        }

        /// <summary>Reads a payload into this object.</summary>
        /// <param name="buffer">The source.</param>
        /// <param name="offset">The first payload byte.</param>
        /// <param name="count">The payload length.</param>
        /// <returns><see cref="NakReason.None"/>, or why the payload is refused (the object is then empty).</returns>
        public NakReason Read(byte[] buffer, int offset, int count)
        {
            _count = 0;
            if (count < 1)
            {
                return NakReason.BadLength;
            }

            int n = buffer[offset];
            if (n > MaxCounters || count != 1 + (n * EntryLength))
            {
                return NakReason.BadLength;
            }

            int o = offset + 1;
            for (int i = 0; i < n; i++)
            {
                int id = ByteOrder.ReadUInt16(buffer, o);
                long value = ByteOrder.ReadInt64(buffer, o + 2);
                if (id == 0 || !IsInRange(id, value) || IndexOf(id) >= 0)
                {
                    _count = 0;
                    return NakReason.OutOfRange;
                }

                _ids[i] = id;
                _values[i] = value;
                _count = i + 1;
                o += EntryLength;
            }

            return NakReason.None;
        }

        /// <summary>Tells whether a value is in the range of its counter; ids this build does not name accept any value.</summary>
        /// <param name="id">The counter id.</param>
        /// <param name="value">The value.</param>
        /// <returns>True when in range.</returns>
        public static bool IsInRange(int id, long value)
        {
            switch (id)
            {
                case (int)CounterId.PrequentialAccuracyPermille:
                    return value >= 0 && value <= 1000;
                case (int)CounterId.EnergyEstimated:
                    return value == 0 || value == 1;
                case (int)CounterId.Mode:
                    return value >= 0 && value <= (int)DeviceMode.Detect;
                case (int)CounterId.Label:
                    return value >= -1 && value <= 254;
                case (int)CounterId.LastCheckpointSequence:
                    return value >= -1;
                default:
                    // Every other named counter is a size, a time or a count; unnamed ids are the future's.
                    return id > (int)CounterId.LinkFramesLost || value >= 0;
            }
        }

        private int IndexOf(int id)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_ids[i] == id)
                {
                    return i;
                }
            }

            return -1;
        }

        private void CheckIndex(int index)
        {
            if (index < 0 || index >= _count)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }
        }
    }
}
