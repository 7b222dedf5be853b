// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Sensors.Simulation
{
    /// <summary>
    /// The FIFO of 3-axis samples the ADXL345 and IIS3DWB simulators share: a preallocated ring of whole
    /// samples, oldest first. What happens when it is full (stop or overwrite) and which flags that raises is
    /// the chip model's.
    /// </summary>
    public sealed class SampleFifo
    {
        private const int Axes = 3;

        private readonly int[] _values;
        private readonly int _depth;
        private int _head;
        private int _count;

        /// <summary>
        /// Initializes a new instance of the <see cref="SampleFifo"/> class, empty.
        /// </summary>
        /// <param name="depth">The number of samples it holds.</param>
        public SampleFifo(int depth)
        {
            _depth = depth;
            _values = new int[depth * Axes];
        }

        /// <summary>
        /// Gets the number of samples held.
        /// </summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>
        /// Empties the FIFO.
        /// </summary>
        public void Clear()
        {
            _head = 0;
            _count = 0;
        }

        /// <summary>
        /// Appends a sample; the caller makes room first (<see cref="DropOldest"/>) when the FIFO is full.
        /// </summary>
        /// <param name="x">The X value.</param>
        /// <param name="y">The Y value.</param>
        /// <param name="z">The Z value.</param>
        public void Push(int x, int y, int z)
        {
            int slot = ((_head + _count) % _depth) * Axes;
            _values[slot] = x;
            _values[slot + 1] = y;
            _values[slot + 2] = z;
            _count++;
        }

        /// <summary>
        /// Removes the oldest sample (a read pops it, or a full FIFO overwrites it); nothing when empty.
        /// </summary>
        public void DropOldest()
        {
            if (_count > 0)
            {
                _head = (_head + 1) % _depth;
                _count--;
            }
        }

        /// <summary>
        /// One axis of the oldest sample (undefined when empty).
        /// </summary>
        /// <param name="axis">0 for X, 1 for Y, 2 for Z.</param>
        /// <returns>The value.</returns>
        public int Oldest(int axis)
        {
            return _values[(_head * Axes) + axis];
        }
    }
}
