#!/usr/bin/python3
"""The same GAN as ganscope's trainer (1-D or 2-D mixtures), in PyTorch (Debian's python3-torch), for side-by-side
throughput. Reads a ganscope config (JSON from `ganscope --dump-config`) so both run one model:
same MLPs, batch, k, optimiser and loss. Prints JSON with steps_per_second."""
import argparse
import json
import math
import sys
import time

import torch
import torch.nn.functional as F


def mlp(cfg, inputs, outputs):
    layers, width = cfg["hidden_layers"], cfg["width"]
    act = {"relu": torch.nn.ReLU, "leaky_relu": lambda: torch.nn.LeakyReLU(0.2),
           "tanh": torch.nn.Tanh}[cfg["activation"]]
    mods, inp = [], inputs
    for _ in range(layers):
        mods += [torch.nn.Linear(inp, width), act()]
        inp = width
    mods.append(torch.nn.Linear(inp, outputs))
    return torch.nn.Sequential(*mods)


def centres(data):
    """Mode centres of the mixture, as ganscope's GaussianMixture builds them."""
    kind = data["kind"]
    if kind == "gaussian":
        return torch.tensor([[data["mean"]]])
    if kind == "bimodal":
        half = data["separation"] / 2
        return torch.tensor([[data["mean"] - half], [data["mean"] + half]])
    if kind == "ring":
        angles = torch.arange(data["modes"]) * 2 * math.pi / data["modes"]
        return data["radius"] * torch.stack([angles.cos(), angles.sin()], 1)
    side = torch.arange(data["grid_size"]) - (data["grid_size"] - 1) / 2
    ys, xs = torch.meshgrid(side, side, indexing="ij")
    return data["spacing"] * torch.stack([xs.flatten(), ys.flatten()], 1)


def optimizer(params, cfg):
    if cfg["kind"] == "adam":
        return torch.optim.Adam(params, lr=cfg["lr"], betas=(cfg["beta1"], cfg["beta2"]))
    return torch.optim.SGD(params, lr=cfg["lr"], momentum=cfg["momentum"])


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("config", help="config JSON file, or - for stdin")
    parser.add_argument("--steps", type=int, default=2000)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    cfg = json.load(sys.stdin if args.config == "-" else open(args.config))
    torch.set_num_threads(args.threads)
    torch.manual_seed(cfg["seed"])
    hyper, data, latent = cfg["hyper"], cfg["data"], cfg["latent"]
    modes = centres(data)
    dims = modes.shape[1]
    G = mlp(cfg["generator"], latent["dim"], dims)
    D = mlp(cfg["discriminator"], dims, 1)
    opt_g, opt_d = optimizer(G.parameters(), hyper["g_opt"]), optimizer(D.parameters(), hyper["d_opt"])
    b, k = hyper["batch_size"], hyper["d_steps"]
    ones, zeros = torch.ones(b, 1), torch.zeros(b, 1)

    def sample_real():
        return modes[torch.randint(0, len(modes), (b,))] + torch.randn(b, dims) * data["std"]

    def sample_z():
        if latent["kind"] == "uniform":
            return torch.rand(b, latent["dim"])
        return torch.randn(b, latent["dim"])

    def step():
        for _ in range(k):
            fake = G(sample_z()).detach()
            loss_d = F.binary_cross_entropy_with_logits(D(sample_real()), ones) + \
                F.binary_cross_entropy_with_logits(D(fake), zeros)
            opt_d.zero_grad()
            loss_d.backward()
            opt_d.step()
        logits = D(G(sample_z()))
        if hyper["loss"] == "non_saturating":
            loss_g = F.binary_cross_entropy_with_logits(logits, ones)
        else:
            loss_g = -F.binary_cross_entropy_with_logits(logits, zeros)
        opt_g.zero_grad()
        loss_g.backward()
        opt_g.step()
        return loss_d.item(), loss_g.item()

    for _ in range(50):  # warm-up
        step()
    start = time.perf_counter()
    for _ in range(args.steps):
        losses = step()
    seconds = time.perf_counter() - start
    print(json.dumps({"steps": args.steps, "seconds": seconds,
                      "steps_per_second": args.steps / seconds, "torch": torch.__version__,
                      "d_loss": losses[0], "g_loss": losses[1]}))


if __name__ == "__main__":
    main()
