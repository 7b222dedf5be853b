// Copyright (c) TinTin.Nano contributors. Licensed under the MIT license.

// The smoke runs assert that training allocates 0 bytes per step, read from the GC's per-thread
// counter. A garbage collection forced by another test class allocating hundreds of MB in parallel
// (the MNIST fixtures) can add a few hundred bytes to that counter on the measuring thread (the
// allocation context it retires), seen as 0.4-4 B/step in different runs. One test at a time keeps
// the measurement about our code only.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
