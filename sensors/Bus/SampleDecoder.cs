// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Sensors.Bus
{
    /// <summary>
    /// Decodes 3-axis accelerometer samples (three signed 16-bit values X, Y, Z per sample) from a
    /// burst-read byte buffer into an <see cref="int"/> array, without allocating.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Little-endian chips: ADXL343/ADXL345 (DATAX0..DATAZ1), IIS3DWB (OUTX_L_A..OUTZ_H_A and the FIFO
    /// words). Big-endian chips: MPU6886/MPU6050 family (ACCEL_XOUT_H..ACCEL_ZOUT_L).
    /// </para>
    /// <para>
    /// Samples are read from frames of <c>sourceStride</c> bytes, so FIFO formats with extra bytes per
    /// frame decode in place: IIS3DWB FIFO words are 7 bytes (a tag byte, then the 6 data bytes:
    /// offset 1, stride 7); an MPU6886 FIFO with accelerometer, temperature and gyroscope is 14 bytes
    /// per frame with the accelerometer first (offset 0, stride 14). Plain bursts use stride
    /// <see cref="BytesPerSample"/>.
    /// </para>
    /// <para>
    /// The destination receives the values interleaved, X0 Y0 Z0 X1 Y1 Z1 and so on.
    /// </para>
    /// </remarks>
    public static class SampleDecoder
    {
        /// <summary>
        /// The number of bytes one 3-axis sample occupies in the source: three 16-bit values.
        /// </summary>
        public const int BytesPerSample = 6;

        /// <summary>
        /// The number of destination values one sample produces: X, Y and Z.
        /// </summary>
        public const int ValuesPerSample = 3;

        /// <summary>
        /// Decodes samples whose 16-bit values are stored low byte first.
        /// </summary>
        /// <param name="source">The bytes read from the sensor.</param>
        /// <param name="sourceOffset">The index of the first data byte of the first sample.</param>
        /// <param name="sourceStride">The distance in bytes between the starts of two consecutive samples, at least <see cref="BytesPerSample"/>.</param>
        /// <param name="destination">The array that receives X, Y, Z of each sample in turn.</param>
        /// <param name="destinationOffset">The index in <paramref name="destination"/> of the first X value.</param>
        /// <param name="sampleCount">The number of samples to decode; 0 decodes nothing.</param>
        /// <exception cref="ArgumentNullException"><paramref name="source"/> or <paramref name="destination"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A count, offset or stride is negative or too small, or a range does not fit its array.</exception>
        public static void DecodeLittleEndian(byte[] source, int sourceOffset, int sourceStride, int[] destination, int destinationOffset, int sampleCount)
        {
            CheckArguments(source, sourceOffset, sourceStride, destination, destinationOffset, sampleCount);

            int s = sourceOffset;
            int d = destinationOffset;
            int end = destinationOffset + (sampleCount * ValuesPerSample);
            while (d < end)
            {
                // The cast to short sign-extends the 16-bit two's complement value.
                destination[d] = (short)(source[s] | (source[s + 1] << 8));
                destination[d + 1] = (short)(source[s + 2] | (source[s + 3] << 8));
                destination[d + 2] = (short)(source[s + 4] | (source[s + 5] << 8));
                d += ValuesPerSample;
                s += sourceStride;
            }
        }

        /// <summary>
        /// Decodes samples whose 16-bit values are stored high byte first.
        /// </summary>
        /// <param name="source">The bytes read from the sensor.</param>
        /// <param name="sourceOffset">The index of the first data byte of the first sample.</param>
        /// <param name="sourceStride">The distance in bytes between the starts of two consecutive samples, at least <see cref="BytesPerSample"/>.</param>
        /// <param name="destination">The array that receives X, Y, Z of each sample in turn.</param>
        /// <param name="destinationOffset">The index in <paramref name="destination"/> of the first X value.</param>
        /// <param name="sampleCount">The number of samples to decode; 0 decodes nothing.</param>
        /// <exception cref="ArgumentNullException"><paramref name="source"/> or <paramref name="destination"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A count, offset or stride is negative or too small, or a range does not fit its array.</exception>
        public static void DecodeBigEndian(byte[] source, int sourceOffset, int sourceStride, int[] destination, int destinationOffset, int sampleCount)
        {
            CheckArguments(source, sourceOffset, sourceStride, destination, destinationOffset, sampleCount);

            int s = sourceOffset;
            int d = destinationOffset;
            int end = destinationOffset + (sampleCount * ValuesPerSample);
            while (d < end)
            {
                destination[d] = (short)((source[s] << 8) | source[s + 1]);
                destination[d + 1] = (short)((source[s + 2] << 8) | source[s + 3]);
                destination[d + 2] = (short)((source[s + 4] << 8) | source[s + 5]);
                d += ValuesPerSample;
                s += sourceStride;
            }
        }

        private static void CheckArguments(byte[] source, int sourceOffset, int sourceStride, int[] destination, int destinationOffset, int sampleCount)
        {
            if (source == null)
            {
                throw new ArgumentNullException(nameof(source));
            }

            if (destination == null)
            {
                throw new ArgumentNullException(nameof(destination));
            }

            if (sourceStride < BytesPerSample)
            {
                throw new ArgumentOutOfRangeException(nameof(sourceStride));
            }

            if (sampleCount < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(sampleCount));
            }

            if (sourceOffset < 0 || sourceOffset > source.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(sourceOffset));
            }

            if (destinationOffset < 0 || destinationOffset > destination.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(destinationOffset));
            }

            if (sampleCount == 0)
            {
                return;
            }

            // The last sample starts at sourceOffset + (sampleCount - 1) * sourceStride and needs
            // BytesPerSample bytes; the comparisons are arranged so that nothing can overflow.
            int sourceRoom = source.Length - sourceOffset - BytesPerSample;
            if (sourceRoom < 0 || sampleCount - 1 > sourceRoom / sourceStride)
            {
                throw new ArgumentOutOfRangeException(nameof(sampleCount));
            }

            if (sampleCount > (destination.Length - destinationOffset) / ValuesPerSample)
            {
                throw new ArgumentOutOfRangeException(nameof(sampleCount));
            }
        }
    }
}
