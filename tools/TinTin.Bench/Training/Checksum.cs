// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;
using TinTin.Layers;
using TinTin.Persistence;

namespace TinTin.Bench.Training;

/// <summary>CRC-32 (lib-tintin's, the one the model file uses) over any primitive array's bytes (little-endian host).</summary>
public static class Checksum
{
    /// <summary>Continues a CRC-32 over the raw bytes of a primitive array.</summary>
    /// <param name="crc">The CRC so far (0 for none).</param>
    /// <param name="values">An array of sbyte, int or float.</param>
    /// <param name="byteCount">How many bytes of it.</param>
    /// <returns>The CRC-32 of everything so far.</returns>
    public static uint Update(uint crc, Array values, int byteCount)
    {
        var bytes = new byte[byteCount];
        Buffer.BlockCopy(values, 0, bytes, 0, byteCount);
        return Crc32.Update(crc, bytes, 0, byteCount);
    }

    /// <summary>
    /// The CRC-32 of an integer model's parameters: each weighted layer's int8 weights, then its
    /// int32 biases, in layer order (the <c>weights_crc32</c> of <c>tintin bench --json</c>).
    /// </summary>
    /// <param name="model">The model.</param>
    /// <returns>The checksum.</returns>
    public static uint OfWeights(Model model)
    {
        uint crc = 0;
        for (int l = 0; l < model.LayerCount; l++)
        {
            if (model.GetLayer(l) is not WeightedLayer layer)
            {
                continue;
            }

            sbyte[] weights = layer.CopyWeights();
            crc = Update(crc, weights, weights.Length);
            if (layer.Biases != null)
            {
                crc = Update(crc, layer.Biases, layer.Biases.Length * sizeof(int));
            }
        }

        return crc;
    }
}
