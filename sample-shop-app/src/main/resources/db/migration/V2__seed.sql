insert into shop (id, name) values ('acme', 'Acme Outdoor'), ('globex', 'Globex Home'), ('initech', 'Initech Office');

insert into product (id, shop_id, sku, name, price, currency, stock, low_stock_threshold) values
    (1, 'acme', 'TENT-2P', 'Two-person tent', 189.00, 'EUR', 40, 5),
    (2, 'acme', 'LAMP-H', 'Head lamp', 24.90, 'EUR', 120, 10),
    (3, 'acme', 'BOOT-42', 'Hiking boots', 129.00, 'EUR', 8, 10),
    (4, 'acme', 'BAG-30', 'Day pack 30 l', 59.00, 'EUR', 60, 5),
    (11, 'globex', 'KETTLE', 'Electric kettle', 39.99, 'USD', 80, 10),
    (12, 'globex', 'PAN-28', 'Frying pan 28 cm', 44.50, 'USD', 50, 5),
    (13, 'globex', 'MUG-SET', 'Mug set', 19.99, 'USD', 4, 6),
    (21, 'initech', 'STAPLER', 'Red stapler', 12.00, 'GBP', 200, 20),
    (22, 'initech', 'CHAIR', 'Office chair', 249.00, 'GBP', 15, 3),
    (23, 'initech', 'DESK-L', 'Standing desk', 499.00, 'GBP', 6, 2);
