"""Short articles written for the cross-article tests: one report of the Aleppo evacuation
of December 2016, a republished copy of it, its Indonesian translation, and other reports
of the same days that are not copies."""

from __future__ import annotations

ORIGIN = """Thousands leave eastern Aleppo as evacuation begins

ALEPPO, Syria, Dec 15 (Reuters) - More than 7,000 civilians were evacuated from eastern Aleppo on Thursday, the International Committee of the Red Cross said, as green buses and ambulances left the last rebel-held districts of the city.

Robert Mardini, the ICRC's regional director for the Near and Middle East, said the convoys had carried 2,700 children and 300 wounded fighters out of the enclave. "We hope the operation continues through the night, because people can't wait any longer," he said.

Jan Egeland, who chairs the United Nations humanitarian task force for Syria, said between 25,000 and 37,500 people remained trapped in the enclave. He said the U.N. had not been given access to the crossing points and that aid agencies were worried about those left behind.

The evacuation follows a ceasefire brokered by Russia and Turkey on Tuesday. It collapsed within hours on Wednesday, when shelling resumed and the first convoy was turned back at a government checkpoint.

Residents who reached the western countryside described hunger, cold and days spent in basements while the bombardment went on above them."""

# the same story on another site: a new headline, a newsletter box and share line around it,
# the last paragraph cut, and the text as a tokeniser left it
COPY = """Evacuation of rebel Aleppo under way , Red Cross says

Share this article

ALEPPO , Syria , Dec 15 ( Reuters ) - More than 7,000 civilians were evacuated from eastern Aleppo on Thursday , the International Committee of the Red Cross said , as green buses and ambulances left the last rebel-held districts of the city .

Robert Mardini , the ICRC 's regional director for the Near and Middle East , said the convoys had carried 2,700 children and 300 wounded fighters out of the enclave . " We hope the operation continues through the night , because people ca n't wait any longer , " he said .

Jan Egeland , who chairs the United Nations humanitarian task force for Syria , said between 25,000 and 37,500 people remained trapped in the enclave . He said the U.N. had not been given access to the crossing points and that aid agencies were worried about those left behind .

The evacuation follows a ceasefire brokered by Russia and Turkey on Tuesday . It collapsed within hours on Wednesday , when shelling resumed and the first convoy was turned back at a government checkpoint .

Sign up for our Middle East newsletter and get the day's top stories straight to your inbox."""

# the Indonesian translation of ORIGIN, a day later
TRANSLATION = """Ribuan warga tinggalkan Aleppo timur

ALEPPO, Suriah -- Lebih dari 7.000 warga sipil dievakuasi dari Aleppo timur pada Kamis (15/12), kata Komite Internasional Palang Merah, ketika bus-bus hijau dan ambulans meninggalkan distrik terakhir yang dikuasai pemberontak.

Robert Mardini, direktur regional ICRC untuk Timur Dekat dan Timur Tengah, mengatakan konvoi membawa 2.700 anak-anak dan 300 pejuang yang terluka keluar dari kantong itu. "Kami berharap operasi berlanjut sepanjang malam," katanya.

Jan Egeland, ketua satuan tugas kemanusiaan PBB untuk Suriah, mengatakan antara 25.000 dan 37.500 orang masih terjebak di kantong tersebut.

Evakuasi ini menyusul gencatan senjata yang ditengahi Rusia dan Turki pada Selasa."""

# another outlet's own report of the same evacuation: same topic, same place, its own words
OTHER_REPORT = """Russia says thousands evacuated from Aleppo

MOSCOW, Dec 16 - Russia's defence ministry said on Friday that 7,796 civilians had been evacuated from the eastern districts of Aleppo since the operation began, among them 2,462 children.

The ministry said its officers at the Ramouseh crossing were checking the buses and that the rebels had handed over their heavy weapons. Syrian state television showed families waiting in the rain beside burned-out cars.

A spokesman for the Syrian opposition accused government forces of holding back convoys and said the operation had been suspended after militiamen fired on a column of vehicles near the city's southern edge."""

# a Russian report of the same day
RUSSIAN = """Из восточного Алеппо эвакуированы 7796 мирных жителей

Из восточных районов Алеппо к вечеру 16 декабря эвакуированы 7796 мирных жителей, сообщили в Министерстве обороны России. По данным ведомства, среди вывезенных 2462 ребенка."""

# two reports of one day that disagree on how many people remain trapped
TRAPPED_LOW = """Aid agencies fear for those left in Aleppo

BEIRUT, Dec 16 - Aid workers said 25,000 people remained trapped in the last rebel pocket of Aleppo on Friday as the evacuation stalled for a second time, and appealed for a pause in the fighting."""

TRAPPED_HIGH = """Evacuation stalls in Aleppo

GENEVA, Dec 16 - The United Nations said 50,000 people remained trapped in eastern Aleppo on Friday after buses stopped leaving the city, and warned that food and medicine were running out."""

# no figures at all, and furniture only
NO_FIGURES = """Aleppo residents describe the last night in the old city

Residents who left the old city of Aleppo described the last night before the convoys arrived: the cold, the silence and the neighbours they could not take with them."""

FURNITURE_ONLY = """Share this article

Sign up for our newsletter and get the top stories straight to your inbox."""
