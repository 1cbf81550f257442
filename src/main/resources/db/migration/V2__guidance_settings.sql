-- Every guidance scale is a job parameter; rows from before get the defaults they ran with.
ALTER TABLE job
    ADD COLUMN cutn         integer          NOT NULL DEFAULT 2,
    ADD COLUMN cut_pow      double precision NOT NULL DEFAULT 1.0,
    ADD COLUMN canvas_share double precision NOT NULL DEFAULT 0.5,
    ADD COLUMN tv_scale     double precision NOT NULL DEFAULT 0,
    ADD COLUMN range_scale  double precision NOT NULL DEFAULT 50,
    ADD COLUMN init_scale   double precision NOT NULL DEFAULT 0,
    ADD COLUMN clamp_max    double precision NOT NULL DEFAULT 0.05;
