// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

using System.Threading;
using TinTin.Firmware.Core;
using TinTin.Firmware.Core.App;
using TinTin.Firmware.Core.Storage;

namespace TinTin.Simulator;

/// <summary>
/// The board's services for the simulated firmware: the target's FPU flag and storage from <see cref="BoardTarget"/>
/// (in-memory flash where the image has a file system, none on e.g. the F091), and a managed-free figure computed as
/// the manifest's managed heap minus the model's planned bytes, because the host's GC figures say nothing about a board.
/// </summary>
public sealed class SimulatedBoard : IBoard
{
    private int _pendingPresses;

    /// <summary>Creates the board.</summary>
    /// <param name="target">The board simulated.</param>
    /// <param name="managedHeapBytes">The target's managed heap (nanoFramework.json's managedHeapBytes), or 0 when unknown.</param>
    public SimulatedBoard(BoardTarget target, long managedHeapBytes)
    {
        Target = target;
        ManagedHeapBytes = managedHeapBytes;
        Storage = target.Drive is null ? null : new MemoryCheckpointFiles();
    }

    /// <summary>Gets the board simulated.</summary>
    public BoardTarget Target { get; }

    /// <summary>Gets the managed heap assumed, or 0 when unknown.</summary>
    public long ManagedHeapBytes { get; }

    /// <summary>Gets or sets the model's planned bytes (weights, activations, gradients, scratch), taken off the heap.</summary>
    public long PlannedBytes { get; set; }

    /// <summary>Gets whether the LED is lit.</summary>
    public bool Led { get; private set; }

    /// <inheritdoc/>
    public string TargetName => Target.Name;

    /// <inheritdoc/>
    public bool HasFpu => Target.HasFpu;

    /// <inheritdoc/>
    public ICheckpointFiles? Storage { get; }

    /// <inheritdoc/>
    public long ManagedFreeBytes() => ManagedHeapBytes <= 0 ? 0 : System.Math.Max(0, ManagedHeapBytes - PlannedBytes);

    /// <inheritdoc/>
    public bool TryReadNativeMemory(out long free, out long largestBlock)
    {
        // The native heap depends on the IDF build: nothing honest to simulate.
        free = 0;
        largestBlock = 0;
        return false;
    }

    /// <inheritdoc/>
    public void SetLed(bool on) => Led = on;

    /// <summary>Presses the label button once (any thread).</summary>
    public void PressButton() => Interlocked.Increment(ref _pendingPresses);

    /// <inheritdoc/>
    public bool TakeButtonPress()
    {
        int pending = Volatile.Read(ref _pendingPresses);
        return pending > 0 && Interlocked.CompareExchange(ref _pendingPresses, pending - 1, pending) == pending;
    }
}
