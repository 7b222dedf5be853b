// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

namespace TinTin.Description
{
    /// <summary>The layer types. The numeric values are part of the model file format: never renumber.</summary>
    public enum LayerKind : byte
    {
        /// <summary>Fully connected: int8 weights [outputs x inputs], optional int32 biases.</summary>
        Dense = 1,

        /// <summary>2-D convolution over Channels x Height x Width.</summary>
        Conv2D = 2,

        /// <summary>1-D convolution over Channels x Length.</summary>
        Conv1D = 3,

        /// <summary>2-D max pooling.</summary>
        MaxPool2D = 4,

        /// <summary>1-D max pooling.</summary>
        MaxPool1D = 5,

        /// <summary>Rectified linear unit.</summary>
        ReLU = 6,

        /// <summary>Reshape to a vector (no data movement).</summary>
        Flatten = 7,
    }
}
