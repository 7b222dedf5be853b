// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System;

namespace TinTin.Data;

/// <summary>A real numeric full 2-D matrix read from a MAT-file, converted to double.</summary>
public sealed class MatVariable
{
    /// <summary>Creates a variable.</summary>
    /// <param name="name">The variable's name.</param>
    /// <param name="rows">The rows.</param>
    /// <param name="columns">The columns.</param>
    /// <param name="matClass">The MATLAB class it was saved as.</param>
    /// <param name="isLogical">Whether the array flags mark it logical.</param>
    /// <param name="data">The values, column-major: <paramref name="rows"/> x <paramref name="columns"/> of them.</param>
    /// <exception cref="ArgumentException"><paramref name="data"/> has the wrong length.</exception>
    public MatVariable(string name, int rows, int columns, MatClass matClass, bool isLogical, double[] data)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        ArgumentNullException.ThrowIfNull(data);
        if (data.LongLength != (long)rows * columns)
        {
            throw new ArgumentException($"a {rows} x {columns} matrix needs {(long)rows * columns} values, got {data.LongLength}", nameof(data));
        }

        Name = name;
        Rows = rows;
        Columns = columns;
        MatClass = matClass;
        IsLogical = isLogical;
        Data = data;
    }

    /// <summary>The variable's name, e.g. <c>X105_DE_time</c>.</summary>
    public string Name { get; }

    /// <summary>The rows (the first dimension).</summary>
    public int Rows { get; }

    /// <summary>The columns (the second dimension).</summary>
    public int Columns { get; }

    /// <summary>The MATLAB class the variable was saved as (<see cref="MatClass.Double"/> to <see cref="MatClass.UInt64"/>), whatever type its bytes were stored in.</summary>
    public MatClass MatClass { get; }

    /// <summary>Whether the array is MATLAB logical (class uint8 with the logical flag); its values are 0 and 1.</summary>
    public bool IsLogical { get; }

    /// <summary>The values in column-major order (MATLAB's): element (r, c) is at <c>c * Rows + r</c>.</summary>
    public double[] Data { get; }

    /// <summary>One element.</summary>
    /// <param name="row">The row, from 0.</param>
    /// <param name="column">The column, from 0.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The position is outside the matrix.</exception>
    public double this[int row, int column]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(row);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Rows);
            ArgumentOutOfRangeException.ThrowIfNegative(column);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, Columns);
            return Data[(column * Rows) + row];
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Rows} x {Columns} {MatClass})";
}
